using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Connect;

/// <summary>
/// Issue 16, item 4: <c>account.application.deauthorized</c> is believed only when Stripe confirms it (the account's
/// retrieve answers 403 <c>account_invalid</c>), and a later <c>account.updated</c> of a working account corrects the state.
/// The live app with the test delivering signed events itself; the emulator holds the accounts.
/// </summary>
public sealed class DeauthorizationTests(SelfDeliveredWebhooksFactory app) : IClassFixture<SelfDeliveredWebhooksFactory>
{
    [Fact]
    public async Task Deauthorized_SignedEventForAnAccountStripeStillServes_NotMarkedAndIgnoredWithWhy()
    {
        var (creatorId, accountId) = await EnabledAccountAsync();

        var row = await DeliverAsync(StripeEventSamples.Event("account.application.deauthorized", "ca_forged", "application", account: accountId));

        row.Status.Should().Be(WebhookEventStatus.Ignored);
        row.LastError.Should().Contain($"Stripe still serves account {accountId}");
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.CreatorProfileId == creatorId))).IsDeauthorized.Should().BeFalse();
    }

    [Fact]
    public async Task Deauthorized_StripeAnswersAccountInvalid_Marked()
    {
        var (creatorId, accountId) = await EnabledAccountAsync();
        app.Emulator.SetAccountState(app.ApiKey, accountId, "deauthorized");

        var row = await DeliverAsync(StripeEventSamples.Event("account.application.deauthorized", "ca_platform", "application", account: accountId));

        row.Status.Should().Be(WebhookEventStatus.Processed);
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.CreatorProfileId == creatorId))).IsDeauthorized.Should().BeTrue();
    }

    [Fact]
    public async Task AccountUpdated_AccountMarkedDeauthorizedButServedByStripe_ConnectedAgain()
    {
        var (creatorId, accountId) = await EnabledAccountAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.CreatorStripeAccounts.SingleAsync(a => a.CreatorProfileId == creatorId)).MarkDeauthorized(DateTime.UtcNow.AddMinutes(-5));
            return await db.SaveChangesAsync();
        });

        var row = await DeliverAsync(StripeEventSamples.Event("account.updated", accountId, "account", account: accountId));

        row.Status.Should().Be(WebhookEventStatus.Processed);
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.CreatorProfileId == creatorId))).IsDeauthorized.Should().BeFalse();
    }

    private async Task<(int CreatorId, string AccountId)> EnabledAccountAsync()
    {
        var creatorId = await app.RegisterCreatorAsync();
        var accountId = await app.CreateConnectAccountAsync(creatorId);
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        return (creatorId, accountId);
    }

    private async Task<StripeWebhookEvent> DeliverAsync(string json)
    {
        using var client = new HttpClient { BaseAddress = app.AppUrl };
        var response = await client.PostAsync("/api/webhooks/stripe/connect", json, StripeEventSamples.Sign(json, StripeEventSamples.ConnectSecret));
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        return await app.EventuallyAsync(db => db.StripeWebhookEvents.AsNoTracking().SingleAsync(e => e.Payload == json),
            e => e.Status is WebhookEventStatus.Processed or WebhookEventStatus.Ignored, because: "the event settles");
    }
}
