using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Webhooks.Billing;

/// <summary>Stripe's Billing events, delivered by the emulator over HTTP, processed by Hangfire into the creator's subscription and ledger.</summary>
public abstract class BillingWebhookProcessingTests<TFactory> : IClassFixture<TFactory> where TFactory : LiveMarketplaceFactory
{
    private readonly TFactory _app;

    protected BillingWebhookProcessingTests(TFactory app) => _app = app;

    [Fact]
    public async Task Checkout_PaidWith4242_SubscriptionActiveAndLedgerRowThroughBillingWebhook()
    {
        var creatorId = await _app.RegisterCreatorAsync();

        await _app.SubscribeThroughCheckoutAsync(creatorId);

        var subscription = await _app.EventuallyAsync(
            db => db.CreatorSubscriptions.Include(s => s.Plan).SingleAsync(s => s.CreatorProfileId == creatorId),
            s => s.Plan!.Code == PlanCodes.Silver && s.Status == SubscriptionStatus.Active, because: "Silver active");
        subscription.StripeSubscriptionId.Should().StartWith("sub_");
        subscription.StripeCustomerId.Should().StartWith("cus_");
        subscription.CurrentPeriodEnd.Should().BeAfter(DateTime.UtcNow.AddDays(27));
        var payment = await _app.EventuallyAsync(db => db.Payments.SingleOrDefaultAsync(p => p.CreatorProfileId == creatorId), p => p is not null);
        payment!.Status.Should().Be(PaymentStatus.Paid);
        payment.AmountMinor.Should().Be(1900);
        payment.Currency.Should().Be("eur");
        payment.HostedInvoiceUrl.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Renewal_CardFailsAtRenewal_PastDueAndFailedLedgerRow()
    {
        var creatorId = await _app.RegisterCreatorAsync();
        await _app.SubscribeThroughCheckoutAsync(creatorId, card: "4000000000000341");
        await _app.EventuallyAsync(db => db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId),
            s => s.Status == SubscriptionStatus.Active, because: "first payment");

        _app.Emulator.AdvanceClock(_app.ApiKey, TimeSpan.FromDays(32));

        await _app.EventuallyAsync(db => db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId),
            s => s.Status == SubscriptionStatus.PastDue, because: "past_due after the failed renewal");
        var ledger = await _app.EventuallyAsync(
            db => db.Payments.Where(p => p.CreatorProfileId == creatorId).OrderBy(p => p.PaidAt).ToListAsync(),
            rows => rows.Count == 2, because: "the first invoice and the renewal in the ledger");
        ledger.Select(p => (p.Status, p.AmountMinor)).Should().Equal((PaymentStatus.Paid, 1900L), (PaymentStatus.Failed, 1900L));
    }
}

/// <summary>The Billing webhook pipeline on SQLite.</summary>
public sealed class BillingWebhookProcessingTests(LiveMarketplaceFactory app) : BillingWebhookProcessingTests<LiveMarketplaceFactory>(app);
