using Hangfire;
using Hangfire.States;
using Marketplace.Core.Connect;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Processing;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Webhooks.Processing;

/// <summary>Stripe failing while events are processed: retried, recorded, never lost.</summary>
public sealed class WebhookFaultTests
{
    [Fact]
    public async Task Process_StripeAnswers500Then429_EventProcessedByClientRetries()
    {
        await using var app = new LiveMarketplaceFactory();
        var (accountId, _) = await ConnectedCreatorAsync(app);
        await SetUpEventsSettledAsync(app); // the faults below are for the test's event, not a late set-up one
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 1);
        app.Emulator.FailNextApiCalls(app.ApiKey, 429, 1);

        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");

        var row = await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleOrDefaultAsync(e => e.ConnectedAccountId == accountId && e.Type == "account.updated"),
            e => e?.Status == WebhookEventStatus.Processed, because: "processed despite 500 and 429");
        row!.Attempts.Should().Be(1, "Stripe.net's own retries absorbed both failures");
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId)))
            .OnboardingStatus.Should().Be(OnboardingStatus.Complete);
    }

    [Fact]
    public async Task Process_StripeAnswers500Then429ThenTimesOut_ProcessedByTheJobRetryNothingLost()
    {
        await using var app = new ShortStripeTimeoutFactory();
        var (accountId, _) = await ConnectedCreatorAsync(app);
        await SetUpEventsSettledAsync(app); // the faults below are for the test's event, not a late set-up one
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 1);
        app.Emulator.FailNextApiCalls(app.ApiKey, 429, 1);
        app.Emulator.DelayNextApiCalls(app.ApiKey, TimeSpan.FromSeconds(6), 1); // the app gives up after 1 s

        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");

        // The state change emits account.updated and capability.updated; processed one row at a time (this factory), the
        // first row's calls meet the three faults in order, whichever row that is.
        var rows = await app.EventuallyAsync(db => db.StripeWebhookEvents.AsNoTracking().Where(e => e.ConnectedAccountId == accountId).ToListAsync(),
            r => r.Any(e => e.Type == "account.updated") && r.All(e => e.Status == WebhookEventStatus.Processed), seconds: 60,
            because: "processed despite 500, 429 and a timeout");
        var row = rows.Should().ContainSingle(e => e.Attempts == 2,
            "Stripe.net's two retries took the 500 and the 429, the timeout failed the first attempt, Hangfire's retry succeeded").Subject;
        rows.Where(e => e != row).Should().OnlyContain(e => e.Attempts == 1 && e.LastError == null);
        row.LastError.Should().BeNull();
        (await app.WithDbAsync(db => db.CreatorStripeAccounts.SingleAsync(a => a.StripeAccountId == accountId)))
            .OnboardingStatus.Should().Be(OnboardingStatus.Complete);
        (await app.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Status != WebhookEventStatus.Processed && e.Status != WebhookEventStatus.Ignored)))
            .Should().Be(0, "nothing is left behind");
    }

    [Fact]
    public async Task Process_StripeAlways500_FailedAfterLastRetryThenProcessedWhenRerun()
    {
        await using var app = new NoClientRetriesFactory();
        var (accountId, _) = await ConnectedCreatorAsync(app);
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 10_000);

        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");
        var row = await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleOrDefaultAsync(e => e.ConnectedAccountId == accountId && e.Type == "account.updated"), e => e is not null);
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        // Hangfire's retry delays are minutes long; each scheduled retry is moved to the queue at once instead.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline && (await Reload(app, row!.Id)).Status != WebhookEventStatus.Failed)
        {
            foreach (var scheduled in monitoring.ScheduledJobs(0, 100).Where(j => ArgumentsName(j.Value.Job) == row!.Id))
                jobs.Requeue(scheduled.Key);
            await Task.Delay(300);
        }

        var failed = await Reload(app, row!.Id);
        failed.Status.Should().Be(WebhookEventStatus.Failed);
        failed.Attempts.Should().Be(ProcessStripeWebhookJob.MaxRetries + 1);
        failed.LastError.Should().StartWith("StripeException");
        var failedJob = monitoring.FailedJobs(0, 100).Single(j => ArgumentsName(j.Value.Job) == row.Id);

        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 0);
        jobs.ChangeState(failedJob.Key, new EnqueuedState("webhooks"), FailedState.StateName);

        var processed = await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == row.Id), e => e.Status == WebhookEventStatus.Processed);
        processed.Attempts.Should().Be(ProcessStripeWebhookJob.MaxRetries + 2);
        processed.LastError.Should().BeNull();
    }

    [Fact]
    public async Task Process_OneRowOfABatchFails_ItAloneGetsItsOwnRetryJobTheOthersAreProcessedOnce()
    {
        await using var app = new NoClientRetriesFactory();
        var accounts = new List<string>();
        for (var i = 0; i < 4; i++) accounts.Add((await ConnectedCreatorAsync(app)).AccountId);
        await SetUpEventsSettledAsync(app);
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 1); // whichever row calls Stripe first fails its first attempt

        foreach (var account in accounts) app.Emulator.SetAccountState(app.ApiKey, account, "enabled");

        // Whichever row's Stripe call came first failed (one of these four, or a late event of the set-up): wait until
        // every row is settled and one of them took a second attempt.
        var rows = await app.EventuallyAsync(db => db.StripeWebhookEvents.AsNoTracking().Where(e => e.Attempts > 0).ToListAsync(),
            r => r.Count(e => e.Type == "account.updated" && accounts.Contains(e.ConnectedAccountId!)) == accounts.Count
                 && r.All(e => e.Status == WebhookEventStatus.Processed) && r.Any(e => e.Attempts == 2),
            seconds: 60, because: "all processed, one after a retry");
        var retried = rows.Should().ContainSingle(e => e.Attempts == 2, "only the row that failed was attempted again").Subject;
        rows.Where(e => e != retried).Should().OnlyContain(e => e.Attempts == 1, "the batches' good rows were not reprocessed");
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        retried.ClaimToken.Should().BeNull("a hand-over drops the batch's claim with its job");
        var retryJob = monitoring.JobDetails(retried.HangfireJobId);
        retryJob.Job.Type.Should().Be(typeof(ProcessStripeWebhookJob), "the failed row was handed over to its own job");
        retryJob.Job.Method.Name.Should().Be(nameof(ProcessStripeWebhookJob.ContinueAfterBatchAsync));
        foreach (var row in rows.Where(e => e != retried))
            monitoring.JobDetails(row.HangfireJobId).Job.Type.Should().Be(typeof(ProcessStripeWebhookBatchJob));
    }

    [Fact]
    public async Task Recovery_RowReceivedWithoutAJob_IsEnqueuedAndProcessed()
    {
        await using var app = new NoDispatcherFactory(); // the recovery job alone: no dispatcher to take the row first
        var (accountId, _) = await ConnectedCreatorAsync(app);
        var payload = StripeEventSamples.Event("account.updated", accountId, "account", account: accountId);
        var rowId = await app.WithDbAsync(async db =>
        {
            var row = new StripeWebhookEvent(System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!,
                WebhookEndpointKind.Connect, "account.updated", accountId, null, false, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(-10), payload);
            db.StripeWebhookEvents.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        app.Emulator.SetAccountState(app.ApiKey, accountId, "enabled");

        int enqueued;
        await using (var scope = app.Services.CreateAsyncScope())
            enqueued = await scope.ServiceProvider.GetRequiredService<WebhookRecoveryJob>().RunAsync(minimumAgeSeconds: 120);

        enqueued.Should().BeGreaterThanOrEqualTo(1);
        await app.EventuallyAsync(db => db.StripeWebhookEvents.SingleAsync(e => e.Id == rowId), e => e.Status == WebhookEventStatus.Processed);
    }

    [Fact]
    public async Task Recovery_StartupRun_LeavesRowsReceivedSinceStartToTheirOwnJob()
    {
        await using var app = new MarketplaceFactory();
        app.Settings["Webhooks:DispatcherEnabled"] = "false"; // the recovery job alone: no dispatcher to take the row first
        var startedAt = DateTime.UtcNow.AddMinutes(-1);
        var payload = StripeEventSamples.Event("account.updated", "acct_recent", "account", account: "acct_recent");
        await app.WithDbAsync(async db =>
        {
            db.StripeWebhookEvents.Add(new StripeWebhookEvent(System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!,
                WebhookEndpointKind.Connect, "account.updated", "acct_recent", null, false, DateTime.UtcNow, DateTime.UtcNow, payload));
            return await db.SaveChangesAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        var recovery = scope.ServiceProvider.GetRequiredService<WebhookRecoveryJob>();

        (await recovery.RunAsync(minimumAgeSeconds: 0, receivedBefore: startedAt)).Should().Be(0);
        (await recovery.RunAsync(minimumAgeSeconds: 0)).Should().Be(1, "without the start-up cutoff the same row would be enqueued");
    }

    private static async Task<(string AccountId, int CreatorId)> ConnectedCreatorAsync(LiveMarketplaceFactory app)
    {
        var creatorId = await app.RegisterCreatorAsync();
        return (await app.CreateConnectAccountAsync(creatorId), creatorId);
    }

    /// <summary>Waits until every event the set-up caused is settled (the dispatcher hands rows over asynchronously).</summary>
    private static Task<int> SetUpEventsSettledAsync(LiveMarketplaceFactory app) =>
        app.EventuallyAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Status != WebhookEventStatus.Processed && e.Status != WebhookEventStatus.Ignored),
            n => n == 0, because: "the set-up's own events are settled first");

    private static Task<StripeWebhookEvent> Reload(LiveMarketplaceFactory app, long id) =>
        app.WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().SingleAsync(e => e.Id == id));

    private static long? ArgumentsName(Hangfire.Common.Job? job) =>
        job?.Type == typeof(ProcessStripeWebhookJob) && job.Args.Count > 0 && job.Args[0] is long id ? id : null;
}

/// <summary>The live app giving up on a Stripe call after 1 s (<c>Stripe:RequestTimeoutSeconds</c>), with Stripe.net's two retries, processing one row at a time.</summary>
internal sealed class ShortStripeTimeoutFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Hangfire:WorkerCount"] = "1", // one row at a time: the faults meet one row's calls in order
    ["Webhooks:BatchParallelism"] = "1",
    ["Stripe:RequestTimeoutSeconds"] = "1",
    ["Stripe:MaxNetworkRetries"] = "2",
    ["Stripe:BackgroundRetriesOn429"] = "0", // the 429 goes to Stripe.net's retries, as the test's sequence expects
});

/// <summary>The live app without the webhook dispatcher: only the recovery job gives inbox rows a job.</summary>
internal sealed class NoDispatcherFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Webhooks:DispatcherEnabled"] = "false",
});
