using Marketplace.Core.Emails;
using Marketplace.Core.Invoices;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Billing;
using Marketplace.UnitTests.Webhooks.Handlers;
using Microsoft.EntityFrameworkCore;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Stripe;
using static Marketplace.UnitTests.Webhooks.Handlers.StripeObjects;

namespace Marketplace.UnitTests.Webhooks.Billing.Handlers;

/// <summary>
/// <see cref="InvoicePaidHandler"/> and <see cref="InvoicePaymentFailedHandler"/> (one base, <see cref="InvoiceEventHandler"/>):
/// the invoice is refetched, its subscription applied, one ledger row per invoice written with the creator's email.
/// </summary>
public sealed class InvoiceEventHandlerTests : HandlerTests
{
    private const string PriceId = "price_bronze_month";

    protected override async Task ArrangeAsync()
    {
        await Harness.SyncPriceAsync(PriceId);
        await Harness.SubscribeAsync(CreatorId, Subscription("sub_1", "cus_1", PriceId));
        Harness.Stripe.GetSubscriptionAsync("sub_1", Arg.Any<CancellationToken>()).Returns(Subscription("sub_1", "cus_1", PriceId));
    }

    private void StripeHolds(Invoice invoice) => Harness.Stripe.GetInvoiceAsync(invoice.Id, Arg.Any<CancellationToken>()).Returns(invoice);

    private static TestEvent Paid(string? invoiceId = "in_1") => TestEvent.Of(StripeEventTypes.InvoicePaid, invoiceId, "invoice");

    private static TestEvent Failed(string? invoiceId = "in_1") => TestEvent.Of(StripeEventTypes.InvoicePaymentFailed, invoiceId, "invoice");

    private Task<List<Payment>> LedgerAsync() => Harness.QueryAsync(db => db.Payments.AsNoTracking().ToListAsync());

    [Fact]
    public async Task HandleAsync_InvoicePaid_OnePaidLedgerRowAtPaidAtAndOnePaidEmail()
    {
        var paidAt = DateTime.UtcNow.AddMinutes(-7);
        StripeHolds(Invoice("in_1", "sub_1", amountPaid: 900, paidAt: paidAt));

        var reason = await Harness.HandleAsync<InvoicePaidHandler>(Paid());

        reason.Should().BeNull();
        var payment = (await LedgerAsync()).Should().ContainSingle().Which;
        (payment.StripeInvoiceId, payment.Status, payment.AmountMinor, payment.Currency, payment.CreatorProfileId)
            .Should().Be(("in_1", PaymentStatus.Paid, 900L, "eur", CreatorId));
        payment.PaidAt.Should().BeCloseTo(paidAt, TimeSpan.FromSeconds(1), "the ledger dates a payment at Stripe's paid_at, not at the event");
        var email = (await Harness.EmailsAsync()).Should().ContainSingle().Which;
        (email.Kind, email.Key).Should().Be((EmailKinds.InvoicePaid, "in_1"));
    }

    private static TestEvent PaidWithFinalInvoice(DateTime created) => TestEvent.Of(StripeEventTypes.InvoicePaid, "in_1", "invoice", created: created,
        fields: new Dictionary<string, object?>
        {
            ["status"] = "paid", ["currency"] = "eur", ["amount_paid"] = 900, ["amount_due"] = 900,
            ["hosted_invoice_url"] = "https://invoice.stripe.com/i/in_1",
            ["parent"] = new Dictionary<string, object?> { ["subscription_details"] = new Dictionary<string, object?> { ["subscription"] = "sub_1" } },
        });

    [Fact]
    public async Task HandleAsync_PaidInvoiceInPayload_LedgerRowFromThePayloadWithoutReadingTheInvoice()
    {
        var reason = await Harness.HandleAsync<InvoicePaidHandler>(PaidWithFinalInvoice(new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc)));

        reason.Should().BeNull();
        (await LedgerAsync()).Should().ContainSingle().Which.Should().Match<Payment>(p => p.Status == PaymentStatus.Paid && p.AmountMinor == 900);
        await Harness.Stripe.DidNotReceive().GetInvoiceAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_PaidInvoiceAfterItsSubscriptionsEventOfTheSameSecond_SubscriptionReadOnce()
    {
        var created = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        await Harness.HandleAsync<SubscriptionUpdatedHandler>(TestEvent.Of(StripeEventTypes.CustomerSubscriptionUpdated, "sub_1", "subscription", created: created));
        Harness.Stripe.ClearReceivedCalls();

        var reason = await Harness.HandleAsync<InvoicePaidHandler>(PaidWithFinalInvoice(created));

        reason.Should().BeNull();
        (await LedgerAsync()).Should().ContainSingle().Which.Status.Should().Be(PaymentStatus.Paid);
        await Harness.Stripe.DidNotReceive().GetSubscriptionAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_PaidInvoiceNewerThanTheStateApplied_SubscriptionRefetched()
    {
        var created = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        await Harness.HandleAsync<SubscriptionUpdatedHandler>(TestEvent.Of(StripeEventTypes.CustomerSubscriptionUpdated, "sub_1", "subscription", created: created));
        Harness.Stripe.ClearReceivedCalls();

        await Harness.HandleAsync<InvoicePaidHandler>(PaidWithFinalInvoice(created.AddSeconds(5)));

        await Harness.Stripe.Received(1).GetSubscriptionAsync("sub_1", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task HandleAsync_InvoicePaidDeliveredTwice_OneLedgerRowOneEmail()
    {
        StripeHolds(Invoice("in_1", "sub_1"));

        await Harness.HandleAsync<InvoicePaidHandler>(Paid());
        await Harness.HandleAsync<InvoicePaidHandler>(Paid());

        (await LedgerAsync()).Should().ContainSingle();
        (await Harness.EmailsAsync()).Should().ContainSingle(e => e.Kind == EmailKinds.InvoicePaid);
    }

    [Fact]
    public async Task HandleAsync_PaymentFailed_FailedRowAtAmountDueAndSubscriptionPastDue()
    {
        StripeHolds(Invoice("in_1", "sub_1", amountPaid: 0, amountDue: 900));
        Harness.Stripe.GetSubscriptionAsync("sub_1", Arg.Any<CancellationToken>()).Returns(Subscription("sub_1", "cus_1", PriceId, status: "past_due"));

        var reason = await Harness.HandleAsync<InvoicePaymentFailedHandler>(Failed());

        reason.Should().BeNull();
        (await LedgerAsync()).Should().ContainSingle().Which.Should().Match<Payment>(p => p.Status == PaymentStatus.Failed && p.AmountMinor == 900);
        (await Harness.SubscriptionOfAsync(CreatorId)).Status.Should().Be(SubscriptionStatus.PastDue);
        (await Harness.EmailsAsync()).Should().ContainSingle().Which.Kind.Should().Be(EmailKinds.InvoicePaymentFailed);
    }

    [Fact]
    public async Task HandleAsync_PaidAfterFailed_RowBecomesPaidAndBothEmailsQueued()
    {
        StripeHolds(Invoice("in_1", "sub_1", amountPaid: 0, amountDue: 900));
        await Harness.HandleAsync<InvoicePaymentFailedHandler>(Failed());
        StripeHolds(Invoice("in_1", "sub_1", amountPaid: 900, amountDue: 900));

        await Harness.HandleAsync<InvoicePaidHandler>(Paid());

        (await LedgerAsync()).Should().ContainSingle().Which.Status.Should().Be(PaymentStatus.Paid);
        (await Harness.EmailsAsync()).Select(e => e.Kind).Should().Equal(EmailKinds.InvoicePaymentFailed, EmailKinds.InvoicePaid);
    }

    [Fact]
    public async Task HandleAsync_FailedDeliveredAfterPaid_RowStaysPaid()
    {
        StripeHolds(Invoice("in_1", "sub_1", amountPaid: 900));
        await Harness.HandleAsync<InvoicePaidHandler>(Paid());

        await Harness.HandleAsync<InvoicePaymentFailedHandler>(Failed());

        (await LedgerAsync()).Should().ContainSingle().Which.Should().Match<Payment>(p => p.Status == PaymentStatus.Paid && p.AmountMinor == 900);
    }

    [Fact]
    public async Task HandleAsync_TrialsZeroInvoice_LedgerRowButNoEmail()
    {
        StripeHolds(Invoice("in_trial", "sub_1", amountPaid: 0, amountDue: 0));

        var reason = await Harness.HandleAsync<InvoicePaidHandler>(Paid("in_trial"));

        reason.Should().BeNull();
        (await LedgerAsync()).Should().ContainSingle().Which.AmountMinor.Should().Be(0);
        (await Harness.EmailsAsync()).Should().BeEmpty("nothing was paid");
    }

    [Fact]
    public async Task HandleAsync_InvoiceNotForASubscription_IgnoredWithoutLedgerRow()
    {
        StripeHolds(Invoice("in_oneoff", subscriptionId: null));

        var reason = await Harness.HandleAsync<InvoicePaidHandler>(Paid("in_oneoff"));

        reason.Should().Be("invoice is not for a subscription");
        (await LedgerAsync()).Should().BeEmpty();
        await Harness.Stripe.DidNotReceiveWithAnyArgs().GetSubscriptionAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_EventNamesNoInvoice_IgnoredWithoutStripeCall()
    {
        var reason = await Harness.HandleAsync<InvoicePaymentFailedHandler>(Failed(null));

        reason.Should().Be("event names no invoice");
        await Harness.Stripe.DidNotReceiveWithAnyArgs().GetInvoiceAsync(default!, default);
    }

    [Fact]
    public async Task HandleAsync_InvoiceRefetchFails_RethrownWithNothingRecorded()
    {
        Harness.Stripe.GetInvoiceAsync("in_1", Arg.Any<CancellationToken>()).ThrowsAsync(ServerError());

        var act = () => Harness.HandleAsync<InvoicePaidHandler>(Paid());

        await act.Should().ThrowAsync<StripeException>();
        (await LedgerAsync()).Should().BeEmpty();
        (await Harness.EmailsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task HandleAsync_CreatorInFrench_PaidEmailWrittenInFrench()
    {
        var frenchCreator = await Harness.AddCreatorAsync("marie@example.com", culture: "fr");
        await Harness.SubscribeAsync(frenchCreator, Subscription("sub_fr", "cus_fr", PriceId));
        Harness.Stripe.GetSubscriptionAsync("sub_fr", Arg.Any<CancellationToken>()).Returns(Subscription("sub_fr", "cus_fr", PriceId));
        StripeHolds(Invoice("in_fr", "sub_fr"));

        await Harness.HandleAsync<InvoicePaidHandler>(Paid("in_fr"));

        (await Harness.EmailsAsync()).Should().ContainSingle().Which.Should().Match<OutboxEmail>(e => e.To == "marie@example.com" && e.Culture == "fr");
    }
}
