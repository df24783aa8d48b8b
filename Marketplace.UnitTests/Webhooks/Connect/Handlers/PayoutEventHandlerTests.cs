using Marketplace.Core.Emails;
using Marketplace.Core.Payouts;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Connect;
using Marketplace.Core.Webhooks.Processing;
using Marketplace.UnitTests.Webhooks.Handlers;
using Microsoft.EntityFrameworkCore;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Connect.Handlers;

/// <summary>
/// <see cref="PayoutCreatedHandler"/>, <see cref="PayoutUpdatedHandler"/>, <see cref="PayoutPaidHandler"/>,
/// <see cref="PayoutFailedHandler"/> and <see cref="PayoutCanceledHandler"/> (one base, <see cref="PayoutEventHandler"/>):
/// the payout is refetched with <c>Stripe-Account</c> and the creator's row upserted in Stripe's current state.
/// </summary>
public sealed class PayoutEventHandlerTests : HandlerTests
{
    protected override async Task ArrangeAsync()
    {
        await Harness.LinkAccountAsync(CreatorId, "acct_1");
    }

    private static TestEvent Event(string type, string? payoutId = "po_1", string? account = "acct_1") => TestEvent.Of(type, payoutId, "payout", account: account);

    private void StripeHolds(Stripe.Payout payout) => Harness.Stripe.GetPayoutAsync("acct_1", payout.Id, Arg.Any<CancellationToken>()).Returns(payout);

    private Task<List<Core.Payouts.Payout>> PayoutsAsync() => Harness.QueryAsync(db => db.Payouts.AsNoTracking().ToListAsync());

    public static TheoryData<string, string, PayoutStatus> EveryPayoutEvent => new()
    {
        { StripeEventTypes.PayoutCreated, "pending", PayoutStatus.Pending },
        { StripeEventTypes.PayoutUpdated, "in_transit", PayoutStatus.InTransit },
        { StripeEventTypes.PayoutPaid, "paid", PayoutStatus.Paid },
        { StripeEventTypes.PayoutFailed, "failed", PayoutStatus.Failed },
        { StripeEventTypes.PayoutCanceled, "canceled", PayoutStatus.Canceled },
    };

    [Theory]
    [MemberData(nameof(EveryPayoutEvent))]
    public async Task HandleAsync_EachPayoutEvent_RowInStripesState(string type, string stripeStatus, PayoutStatus expected)
    {
        StripeHolds(Payout("po_1", stripeStatus));

        var reason = await Harness.HandleAsync(Event(type));

        reason.Should().BeNull();
        (await PayoutsAsync()).Should().ContainSingle().Which.Should().Match<Core.Payouts.Payout>(p =>
            p.Status == expected && p.AmountMinor == 12_345 && p.Currency == "eur" && p.CreatorProfileId == CreatorId && p.StripeAccountId == "acct_1");
        await Harness.Stripe.Received(1).GetPayoutAsync("acct_1", "po_1", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_PayoutFailedDeliveredTwice_OneRowAndOneFailureEmailWithStripesMessage()
    {
        StripeHolds(Payout("po_1", "failed", failureCode: "account_closed", failureMessage: "The bank account has been closed."));

        await Harness.HandleAsync<PayoutFailedHandler>(Event(StripeEventTypes.PayoutFailed));
        var reason = await Harness.HandleAsync<PayoutFailedHandler>(Event(StripeEventTypes.PayoutFailed));

        reason.Should().BeNull();
        (await PayoutsAsync()).Should().ContainSingle().Which.FailureCode.Should().Be("account_closed");
        var email = (await Harness.EmailsAsync()).Should().ContainSingle().Which;
        (email.Kind, email.Key, email.To).Should().Be((EmailKinds.PayoutFailed, "po_1", "creator@example.com"));
        email.ModelJson.Should().Contain("The bank account has been closed.");
    }

    [Fact]
    public async Task HandleAsync_PaidEventWhileStripeStillSaysPending_RowPendingAndNoEmail()
    {
        StripeHolds(Payout("po_1", "pending"));

        await Harness.HandleAsync<PayoutPaidHandler>(Event(StripeEventTypes.PayoutPaid));

        (await PayoutsAsync()).Should().ContainSingle().Which.Status.Should().Be(PayoutStatus.Pending, "the refetch decides, not the event type");
        (await Harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_RefetchBehindTheRecordedStatus_RowNotMovedBack()
    {
        StripeHolds(Payout("po_1", "paid"));
        await Harness.HandleAsync<PayoutPaidHandler>(Event(StripeEventTypes.PayoutPaid));
        StripeHolds(Payout("po_1", "in_transit"));

        await Harness.HandleAsync<PayoutUpdatedHandler>(Event(StripeEventTypes.PayoutUpdated));

        (await PayoutsAsync()).Should().ContainSingle().Which.Status.Should().Be(PayoutStatus.Paid);
    }

    [Fact]
    public async Task HandleAsync_StatusUnknownHere_IgnoredWithoutRow()
    {
        StripeHolds(Payout("po_1", "reversed_someday"));

        var reason = await Harness.HandleAsync<PayoutUpdatedHandler>(Event(StripeEventTypes.PayoutUpdated));

        reason.Should().Be("payout po_1 has status 'reversed_someday', unknown here");
        (await PayoutsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_AccountOfNoCreator_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<PayoutCreatedHandler>(Event(StripeEventTypes.PayoutCreated, account: "acct_stranger"));

        reason.Should().Be("account acct_stranger is not a creator's");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_PayoutStripeDoesNotHold_RethrownAndDescribedAsAbsence()
    {
        Harness.Stripe.GetPayoutAsync("acct_1", "po_gone", Arg.Any<CancellationToken>()).ThrowsAsync(ResourceMissing("payout: 'po_gone'"));

        var act = () => Harness.HandleAsync<PayoutFailedHandler>(Event(StripeEventTypes.PayoutFailed, "po_gone"));

        var thrown = await act.Should().ThrowAsync<StripeException>();
        StripeObjectAbsence.Describe(thrown.Which).Should().Contain("po_gone");
        (await PayoutsAsync()).Should().BeEmpty();
        (await Harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_StripeAnswers500_RethrownForRetry()
    {
        Harness.Stripe.GetPayoutAsync("acct_1", "po_1", Arg.Any<CancellationToken>()).ThrowsAsync(ServerError());

        var act = () => Harness.HandleAsync<PayoutPaidHandler>(Event(StripeEventTypes.PayoutPaid));

        var thrown = await act.Should().ThrowAsync<StripeException>();
        StripeObjectAbsence.Describe(thrown.Which).Should().BeNull();
    }

    [Fact]
    public async Task HandleAsync_PlatformEventWithoutAccount_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<PayoutCreatedHandler>(Event(StripeEventTypes.PayoutCreated, account: null));

        reason.Should().Be("event names no account");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_RealOldApiPayloadNamingATransfer_IgnoredAsNoPayout()
    {
        var stripeEvent = TestEvent.Sample("payout.failed__stripe-ruby-mock__1.json");
        stripeEvent.Envelope.ObjectId.Should().StartWith("tr_", "this sample is from the API version before payouts had their own ids");

        var reason = await Harness.HandleAsync<PayoutFailedHandler>(stripeEvent);

        reason.Should().Be("event names no payout");
        Harness.Stripe.ReceivedCalls().Should().BeEmpty();
    }
}
