using Marketplace.Core.Connect;
using Marketplace.Core.Payments;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Webhooks;

/// <summary>Stripe's events, delivered by the emulator over HTTP, processed by Hangfire into the creator's state.</summary>
public abstract class WebhookProcessingTests<TFactory> : IClassFixture<TFactory> where TFactory : LiveMarketplaceFactory
{
    private readonly TFactory _app;

    protected WebhookProcessingTests(TFactory app) => _app = app;

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
    public async Task Onboarding_AccountEnabled_ConnectStateCompleteThroughConnectWebhook()
    {
        var creatorId = await _app.RegisterCreatorAsync();
        var accountId = await _app.CreateConnectAccountAsync(creatorId);

        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "enabled");

        var account = await _app.EventuallyAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId),
            a => a.OnboardingStatus == OnboardingStatus.Complete, because: "onboarding complete");
        account.ChargesEnabled.Should().BeTrue();
        account.PayoutsEnabled.Should().BeTrue();
        account.RequirementsCurrentlyDue.Should().BeEmpty();
        (await _app.WithDbAsync(db => db.StripeWebhookEvents.AnyAsync(e => e.Endpoint == WebhookEndpointKind.Connect
            && e.ConnectedAccountId == accountId && e.Status == WebhookEventStatus.Processed))).Should().BeTrue();
    }

    [Fact]
    public async Task Account_RestrictedThenDeauthorized_NeedsAttentionThenDeauthorized()
    {
        var creatorId = await _app.RegisterCreatorAsync();
        var accountId = await _app.CreateConnectAccountAsync(creatorId);
        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "enabled");
        await _app.EventuallyAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId),
            a => a.OnboardingStatus == OnboardingStatus.Complete);

        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "restricted", "requirements.past_due");
        var restricted = await _app.EventuallyAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId),
            a => a.OnboardingStatus == OnboardingStatus.NeedsAttention, because: "restricted");
        restricted.DisabledReason.Should().Be("requirements.past_due");

        _app.Emulator.SetAccountState(_app.ApiKey, accountId, "deauthorized");
        await _app.EventuallyAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId),
            a => a.IsDeauthorized, because: "deauthorized");
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

/// <summary>The webhook pipeline on SQLite.</summary>
public sealed class WebhookProcessingTests(LiveMarketplaceFactory app) : WebhookProcessingTests<LiveMarketplaceFactory>(app);

/// <summary>The webhook pipeline on PostgreSQL, Hangfire included (Hangfire.PostgreSql).</summary>
public sealed class WebhookProcessingPostgresTests(PostgresLiveMarketplaceFactory app) : WebhookProcessingTests<PostgresLiveMarketplaceFactory>(app);
