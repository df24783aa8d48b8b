using Marketplace.Core.Emails;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.Core.Webhooks.Processing;
using Marketplace.UnitTests.Webhooks.Handlers;
using Microsoft.EntityFrameworkCore;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Billing.Handlers;

/// <summary>
/// <see cref="SubscriptionCreatedHandler"/>, <see cref="SubscriptionUpdatedHandler"/> and <see cref="SubscriptionDeletedHandler"/>
/// (one base, <see cref="SubscriptionEventHandler"/>): the subscription is refetched and applied, whatever the payload says.
/// </summary>
public sealed class SubscriptionEventHandlerTests : HandlerTests
{
    private const string PriceId = "price_bronze_month";

    protected override async Task ArrangeAsync()
    {
        await Harness.SyncPriceAsync(PriceId);
    }

    private static TestEvent Event(string type, string? subscriptionId, DateTime? created = null, IReadOnlyDictionary<string, object?>? fields = null) =>
        TestEvent.Of(type, subscriptionId, "subscription", created: created, fields: fields);

    private void StripeHolds(Subscription subscription)
    {
        Harness.Stripe.GetSubscriptionAsync(subscription.Id, Arg.Any<CancellationToken>()).Returns(subscription);
        Harness.Stripe.ListCustomerSubscriptionsAsync(subscription.CustomerId, Arg.Any<CancellationToken>()).Returns([subscription]);
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoSubscription_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<SubscriptionCreatedHandler>(Event(StripeEventTypes.CustomerSubscriptionCreated, null));

        reason.Should().Be("event names no subscription");
        await Harness.Stripe.DidNotReceiveWithAnyArgs().GetSubscriptionAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_CreatedWithCreatorMetadata_PutsCreatorOnThePlanAndQueuesStartedEmail()
    {
        StripeHolds(Subscription("sub_new", "cus_1", PriceId, creatorId: CreatorId));

        var reason = await Harness.HandleAsync<SubscriptionCreatedHandler>(Event(StripeEventTypes.CustomerSubscriptionCreated, "sub_new"));

        reason.Should().BeNull();
        var row = await Harness.SubscriptionOfAsync(CreatorId);
        (row.Plan!.Code, row.Status, row.StripeSubscriptionId, row.StripeCustomerId).Should().Be((PlanCodes.Bronze, SubscriptionStatus.Active, "sub_new", "cus_1"));
        (await Harness.EmailsAsync()).Should().ContainSingle().Which.Should().Match<OutboxEmail>(e =>
            e.Kind == EmailKinds.SubscriptionStarted && e.Key == "sub_new" && e.To == "creator@example.com");
        await Harness.Stripe.Received(1).GetSubscriptionAsync("sub_new", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_SameEventTwice_RefetchedTwiceOneStartedEmail()
    {
        StripeHolds(Subscription("sub_new", "cus_1", PriceId, creatorId: CreatorId));
        var stripeEvent = Event(StripeEventTypes.CustomerSubscriptionCreated, "sub_new");

        await Harness.HandleAsync<SubscriptionCreatedHandler>(stripeEvent);
        var reason = await Harness.HandleAsync<SubscriptionCreatedHandler>(stripeEvent);

        reason.Should().BeNull();
        (await Harness.EmailsAsync()).Should().ContainSingle(e => e.Kind == EmailKinds.SubscriptionStarted);
        (await Harness.SubscriptionOfAsync(CreatorId)).StripeSubscriptionId.Should().Be("sub_new");
        await Harness.Stripe.Received(2).GetSubscriptionAsync("sub_new", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_UpdatedPayloadSaysActiveButStripeSaysPastDue_StripesStateApplied()
    {
        await Harness.SubscribeAsync(CreatorId, Subscription("sub_1", "cus_1", PriceId));
        StripeHolds(Subscription("sub_1", "cus_1", PriceId, status: "past_due", cancelAtPeriodEnd: true));

        var reason = await Harness.HandleAsync<SubscriptionUpdatedHandler>(Event(StripeEventTypes.CustomerSubscriptionUpdated, "sub_1",
            created: DateTime.UtcNow.AddHours(-1), fields: new Dictionary<string, object?> { ["status"] = "active", ["cancel_at_period_end"] = false }));

        reason.Should().BeNull();
        var row = await Harness.SubscriptionOfAsync(CreatorId);
        (row.Status, row.CancelAtPeriodEnd).Should().Be((SubscriptionStatus.PastDue, true), "the refetch is the truth, not the hour-old payload");
        (await Harness.EmailsAsync()).Should().BeEmpty("the subscription was already the creator's");
    }

    [Fact]
    public async Task HandleAsync_DeletedAndStripeSaysCanceled_CreatorBackOnFreeWithEndedEmail()
    {
        await Harness.SubscribeAsync(CreatorId, Subscription("sub_1", "cus_1", PriceId));
        StripeHolds(Subscription("sub_1", "cus_1", PriceId, status: "canceled"));

        var reason = await Harness.HandleAsync<SubscriptionDeletedHandler>(Event(StripeEventTypes.CustomerSubscriptionDeleted, "sub_1"));

        reason.Should().BeNull();
        var row = await Harness.SubscriptionOfAsync(CreatorId);
        (row.Plan!.Code, row.StripeSubscriptionId, row.StripeCustomerId).Should().Be((PlanCodes.Free, null, "cus_1"), "the Customer is kept for a later checkout");
        (await Harness.EmailsAsync()).Should().ContainSingle().Which.Kind.Should().Be(EmailKinds.SubscriptionEnded);
    }

    [Fact]
    public async Task HandleAsync_DeletedForAnEndedSubscriptionThatIsNotTheCurrentOne_CurrentOneKept()
    {
        await Harness.SubscribeAsync(CreatorId, Subscription("sub_current", "cus_1", PriceId));
        StripeHolds(Subscription("sub_old", "cus_1", PriceId, status: "canceled", creatorId: CreatorId));

        var reason = await Harness.HandleAsync<SubscriptionDeletedHandler>(Event(StripeEventTypes.CustomerSubscriptionDeleted, "sub_old"));

        reason.Should().BeNull();
        var row = await Harness.SubscriptionOfAsync(CreatorId);
        (row.Plan!.Code, row.StripeSubscriptionId).Should().Be((PlanCodes.Bronze, "sub_current"));
        (await Harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_NoMetadataButCreatorsCustomer_FoundByCustomer()
    {
        await Harness.SubscribeAsync(CreatorId, Subscription("sub_old", "cus_known", PriceId, status: "canceled"));
        StripeHolds(Subscription("sub_again", "cus_known", PriceId));

        await Harness.HandleAsync<SubscriptionCreatedHandler>(Event(StripeEventTypes.CustomerSubscriptionCreated, "sub_again"));

        (await Harness.SubscriptionOfAsync(CreatorId)).StripeSubscriptionId.Should().Be("sub_again");
    }

    [Fact]
    public async Task HandleAsync_SubscriptionOfNoKnownCreator_ThrowsSoTheJobRetries()
    {
        StripeHolds(Subscription("sub_stranger", "cus_stranger", PriceId));

        var act = () => Harness.HandleAsync<SubscriptionCreatedHandler>(Event(StripeEventTypes.CustomerSubscriptionCreated, "sub_stranger"));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*No creator is linked*sub_stranger*");
        (await Harness.SubscriptionOfAsync(CreatorId)).IsFree.Should().BeTrue();
    }

    [Fact]
    public async Task HandleAsync_PriceThatIsNotAPlanPrice_ThrowsAndLeavesCreatorOnFree()
    {
        StripeHolds(Subscription("sub_1", "cus_1", "price_somebody_else", creatorId: CreatorId));

        var act = () => Harness.HandleAsync<SubscriptionUpdatedHandler>(Event(StripeEventTypes.CustomerSubscriptionUpdated, "sub_1"));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*price_somebody_else*not a plan price*");
        (await Harness.SubscriptionOfAsync(CreatorId)).IsFree.Should().BeTrue();
        (await Harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_StripeAnswers500_RethrownForRetryNotAnAbsence()
    {
        Harness.Stripe.GetSubscriptionAsync("sub_1", Arg.Any<CancellationToken>()).ThrowsAsync(ServerError());

        var act = () => Harness.HandleAsync<SubscriptionUpdatedHandler>(Event(StripeEventTypes.CustomerSubscriptionUpdated, "sub_1"));

        var thrown = await act.Should().ThrowAsync<StripeException>();
        StripeObjectAbsence.Describe(thrown.Which).Should().BeNull("a 500 is retried, never Ignored");
    }

    [Fact]
    public async Task HandleAsync_StripeAnswers404_RethrownAndDescribedAsAbsence()
    {
        Harness.Stripe.GetSubscriptionAsync("sub_gone", Arg.Any<CancellationToken>()).ThrowsAsync(ResourceMissing("subscription: 'sub_gone'"));

        var act = () => Harness.HandleAsync<SubscriptionDeletedHandler>(Event(StripeEventTypes.CustomerSubscriptionDeleted, "sub_gone"));

        var thrown = await act.Should().ThrowAsync<StripeException>();
        StripeObjectAbsence.Describe(thrown.Which).Should().Contain("sub_gone").And.Contain("resource_missing");
        (await Harness.SubscriptionOfAsync(CreatorId)).IsFree.Should().BeTrue();
    }

    [Fact]
    public async Task HandleAsync_SecondLiveSubscriptionOfTheCreator_NewerCanceledOlderKept()
    {
        var older = Subscription("sub_old", "cus_1", PriceId, creatorId: CreatorId, created: DateTime.UtcNow.AddDays(-3));
        await Harness.SubscribeAsync(CreatorId, older);
        var newer = Subscription("sub_new", "cus_1", PriceId, creatorId: CreatorId);
        Harness.Stripe.GetSubscriptionAsync("sub_new", Arg.Any<CancellationToken>()).Returns(newer);
        Harness.Stripe.GetSubscriptionAsync("sub_old", Arg.Any<CancellationToken>()).Returns(older);
        Harness.Stripe.ListCustomerSubscriptionsAsync("cus_1", Arg.Any<CancellationToken>()).Returns([older, newer]);

        var reason = await Harness.HandleAsync<SubscriptionCreatedHandler>(Event(StripeEventTypes.CustomerSubscriptionCreated, "sub_new"));

        reason.Should().BeNull();
        await Harness.Stripe.Received(1).CancelSubscriptionNowAsync("sub_new", Arg.Is<string>(c => c.Contains("sub_old")), Arg.Any<CancellationToken>());
        await Harness.Stripe.DidNotReceive().CancelSubscriptionNowAsync("sub_old", Arg.Any<string>(), Arg.Any<CancellationToken>());
        (await Harness.SubscriptionOfAsync(CreatorId)).StripeSubscriptionId.Should().Be("sub_old");
    }

    [Fact]
    public async Task HandleAsync_LiveSubscriptionOfACreatorWhoDeletedTheirAccount_RefundedAndCanceledAtOnce()
    {
        await Harness.ArrangeAsync(async db => (await db.CreatorProfiles.SingleAsync(c => c.Id == CreatorId)).Anonymise());
        var paid = Subscription("sub_late", "cus_1", PriceId, creatorId: CreatorId);
        paid.LatestInvoiceId = "in_late";
        StripeHolds(paid);
        Harness.Stripe.CancelSubscriptionNowAsync("sub_late", Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(Subscription("sub_late", "cus_1", PriceId, status: "canceled", creatorId: CreatorId));
        Harness.Stripe.RefundInvoicePaymentAsync("in_late", Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(new Refund { Id = "re_late", Amount = 900, Currency = "eur" });

        var reason = await Harness.HandleAsync<SubscriptionCreatedHandler>(Event(StripeEventTypes.CustomerSubscriptionCreated, "sub_late"));

        reason.Should().BeNull();
        await Harness.Stripe.Received(1).RefundInvoicePaymentAsync("in_late", "refund:ended-subscription:sub_late", Arg.Any<CancellationToken>());
        await Harness.Stripe.Received(1).CancelSubscriptionNowAsync("sub_late", Arg.Is<string>(c => c.Contains("deleted their account")), Arg.Any<CancellationToken>());
        (await Harness.SubscriptionOfAsync(CreatorId)).Should().Match<CreatorSubscription>(s => s.IsFree && s.Plan!.Code == PlanCodes.Free);
        (await Harness.EmailsAsync()).Should().BeEmpty("the subscription never became theirs: no started or ended email");
    }
}
