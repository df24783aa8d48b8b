using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Webhooks.Connect;

/// <summary>Stripe's Connect events, delivered by the emulator over HTTP, processed by Hangfire into the creator's Connect account state.</summary>
public abstract class ConnectWebhookProcessingTests<TFactory> : IClassFixture<TFactory> where TFactory : LiveMarketplaceFactory
{
    private readonly TFactory _app;

    protected ConnectWebhookProcessingTests(TFactory app) => _app = app;

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
}

/// <summary>The Connect webhook pipeline on SQLite.</summary>
public sealed class ConnectWebhookProcessingTests(LiveMarketplaceFactory app) : ConnectWebhookProcessingTests<LiveMarketplaceFactory>(app);
