using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Processing;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Webhooks.Processing;

/// <summary>
/// Stripe reads per event in a batch. Connect accounts are the exception to sharing one refetch per object: each event
/// reads its account afresh under the account's lock, since a shared read could undo what another batch applied meanwhile.
/// </summary>
public sealed class WebhookBatchReadsTests
{
    [Fact]
    public async Task RunAsync_SeveralEventsOfOneAccountInABatch_EachReadsTheAccountAfresh()
    {
        await using var app = new NoDispatcherFactory(); // rows stay Received until the test runs their batch
        var accountId = await app.CreateConnectAccountAsync(await app.RegisterCreatorAsync());
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        app.Emulator.SetAccountState(app.ApiKey, accountId, "restricted", "requirements.past_due");
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        var rows = await app.EventuallyAsync(db => db.StripeWebhookEvents.Where(e => e.ConnectedAccountId == accountId
                && (e.Type == "account.updated" || e.Type == "capability.updated")).Select(e => e.Id).ToListAsync(),
            ids => ids.Count >= 3, because: "the state changes' events are in the inbox");
        await app.WithDbAsync(db => db.StripeWebhookEvents.Where(e => rows.Contains(e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, "claim:reads-test")));
        var since = TimeProvider.System.GetUtcNow();

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProcessStripeWebhookBatchJob>().RunAsync([.. rows], "claim:reads-test", null, CancellationToken.None);

        (await app.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => rows.Contains(e.Id) && e.Status == WebhookEventStatus.Processed)))
            .Should().Be(rows.Count);
        app.RequestsSince(since).Count(r => r.Method == "GET" && r.Path == $"/v1/accounts/{accountId}")
            .Should().Be(rows.Count, $"each of the {rows.Count} events of one account reads it afresh (no shared, possibly stale read)");
    }
}
