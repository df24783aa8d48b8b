using Hangfire;
using Hangfire.States;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Processing;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Webhooks.Processing;

/// <summary>Stripe answering 429 to every refetch of an event: retried for as long as it takes, never Failed.</summary>
public sealed class WebhookRateLimitTests
{
    [Fact]
    public async Task Process_StripeAlways429_NeverFailedAfterTheLastRetryThenProcessedWhenStripeAnswers()
    {
        await using var app = new No429RetriesFactory();
        var accountId = await app.CreateConnectAccountAsync(await app.RegisterCreatorAsync());
        await app.EventuallyAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Status != WebhookEventStatus.Processed && e.Status != WebhookEventStatus.Ignored),
            n => n == 0, because: "the set-up's own events are settled first");
        app.Emulator.FailNextApiCalls(app.ApiKey, 429, 10_000);

        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        var row = await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleOrDefaultAsync(e => e.ConnectedAccountId == accountId && e.Type == "account.updated"), e => e is not null);
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        // Hangfire's retry delays are minutes long: each scheduled retry is moved to the queue at once, up to the last one.
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (TimeProvider.System.GetUtcNow() < deadline && (await Reload(app, row!.Id)).Attempts <= ProcessStripeWebhookJob.MaxRetries)
        {
            foreach (var scheduled in monitoring.ScheduledJobs(0, 100).Where(j => RowOf(j.Value.Job) == row!.Id))
                jobs.Requeue(scheduled.Key);
            await Task.Delay(300);
        }

        await Task.Delay(1_000); // the last attempt's outcome is recorded
        var afterLast = await Reload(app, row!.Id);
        afterLast.Attempts.Should().Be(ProcessStripeWebhookJob.MaxRetries + 1);
        afterLast.Status.Should().Be(WebhookEventStatus.Received, "a rate limit is never a reason to give up");
        afterLast.LastError.Should().Contain("rate limit", because: "Stripe's words are kept");
        monitoring.FailedJobs(0, 100).Should().NotContain(j => RowOf(j.Value.Job) == row.Id, "no job of the row ends Failed");
        var next = monitoring.ScheduledJobs(0, 100).Should().ContainSingle(j => RowOf(j.Value.Job) == row.Id, "a new job tries again later").Subject;
        afterLast.HangfireJobId.Should().Be(next.Key);

        app.Emulator.FailNextApiCalls(app.ApiKey, 429, 0);
        jobs.Requeue(next.Key);
        var processed = await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == row.Id), e => e.Status == WebhookEventStatus.Processed);
        processed.Attempts.Should().Be(ProcessStripeWebhookJob.MaxRetries + 2);
    }

    private static Task<StripeWebhookEvent> Reload(LiveMarketplaceFactory app, long id) =>
        app.WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().SingleAsync(e => e.Id == id));

    private static long? RowOf(Hangfire.Common.Job? job) =>
        job?.Type == typeof(ProcessStripeWebhookJob) && job.Args.Count > 0 && job.Args[0] is long id ? id : null;
}

/// <summary>The live app with no retry of a 429 inside a job's attempt (Stripe.net's nor the budget's): each attempt makes one call.</summary>
internal sealed class No429RetriesFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Stripe:MaxNetworkRetries"] = "0",
    ["Stripe:BackgroundRetriesOn429"] = "0",
});
