using System.Net;
using System.Net.Http.Json;
using Marketplace.Core.Plans;
using Marketplace.Core.Webhooks;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Marketplace.SystemTests.MultiProcess;

/// <summary>
/// Issue 17, scenario 5: on PostgreSQL with a web replica and a worker, the worker is killed (SIGKILL, its whole tree)
/// while its batch jobs wait on Stripe; a second worker started afterwards processes every remaining row, none lost and
/// none applied twice.
/// </summary>
public sealed class WorkerKilledTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int EventCount = 200;
    private ProcessCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await ProcessCluster.CreateAsync("killed");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task WorkerKilledMidBatch_SecondWorker_ProcessesEveryRemainingRowOnce()
    {
        var (webs, workers) = await _cluster.StartAsync(webs: 1, workers: 1);
        var (web, first) = (webs[0], workers[0]);
        using (var browser = new ReplicaBrowser(_cluster))
            await browser.SubscribeAsync(web, $"killed{Guid.NewGuid():N}"[..14] + "@example.com", PlanCodes.Bronze);
        var subscriptionId = await _cluster.WithDbAsync(db => db.CreatorSubscriptions.Where(s => s.StripeSubscriptionId != null).Select(s => s.StripeSubscriptionId!).SingleAsync());
        var invoiceId = (await _cluster.Stripe().V1.Invoices.ListAsync(new Stripe.InvoiceListOptions { Subscription = subscriptionId })).Single().Id;

        // Stripe hangs (10 min per call, the worker waits up to 5 min): the batch jobs that start are mid-run at the kill.
        using var emulator = _cluster.Emulator.Client(_cluster.ApiKey);
        (await emulator.PostAsJsonAsync("/_emulator/chaos/api", new { delay_ms = 600_000, count = 100_000 })).EnsureSuccessStatusCode();
        using var http = new HttpClient { BaseAddress = web.Url };
        for (var i = 0; i < EventCount; i++)
        {
            var json = i % 2 == 0
                ? StripeEventSamples.Event("invoice.paid", invoiceId, "invoice", id: $"evt_killed_{i:D4}")
                : StripeEventSamples.Event("customer.subscription.updated", subscriptionId, "subscription", id: $"evt_killed_{i:D4}");
            (await http.PostAsync("/api/webhooks/stripe/billing", json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var processing = await _cluster.PollAsync(db => db.StripeWebhookEvents.CountAsync(e => e.StripeEventId.StartsWith("evt_killed_") && e.Status == WebhookEventStatus.Processing),
            n => n >= 4, TimeSpan.FromSeconds(90));
        processing.Should().BeGreaterThanOrEqualTo(4, "the worker's jobs were inside Stripe calls");
        first.Kill();
        var midRun = await _cluster.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.StripeEventId.StartsWith("evt_killed_") && e.Status == WebhookEventStatus.Processing)
            .Select(e => e.StripeEventId).ToListAsync());
        (await emulator.PostAsJsonAsync("/_emulator/chaos/api", new { delay_ms = 1, count = 0 })).EnsureSuccessStatusCode(); // Stripe answers again

        await _cluster.StartProcessAsync(_cluster.WorkerSettings(), "worker");

        var rows = await _cluster.PollAsync(db => db.StripeWebhookEvents.AsNoTracking().Where(e => e.StripeEventId.StartsWith("evt_killed_")).ToListAsync(),
            r => r.Count(e => e.Status == WebhookEventStatus.Processed) >= EventCount || r.Any(e => e.Status == WebhookEventStatus.Failed), TimeSpan.FromSeconds(180));
        output.WriteLine($"{EventCount} acknowledged, {midRun.Count} mid-run at the kill, {rows.Count(e => e.Status == WebhookEventStatus.Processed)} processed after the second worker started");
        rows.Should().HaveCount(EventCount);
        rows.Should().OnlyContain(e => e.Status == WebhookEventStatus.Processed, _cluster.Logs());
        rows.Where(e => midRun.Contains(e.StripeEventId)).Should().OnlyContain(e => e.Attempts == 2, "the rows killed mid-run were run again");
        rows.Where(e => !midRun.Contains(e.StripeEventId)).Should().OnlyContain(e => e.Attempts == 1, "the others once");
        (await _cluster.WithDbAsync(db => db.Payments.CountAsync(p => p.StripeInvoiceId == invoiceId))).Should().Be(1, "the invoice is in the ledger once");
    }
}
