using System.Net;
using Hangfire;
using Hangfire.States;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Dispatch;
using Marketplace.Core.Webhooks.Processing;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Webhooks;

/// <summary>
/// The recurring inbox recovery enqueues a row only when its job is lost, never a second job for a row whose job simply
/// waits in the queue (Hangfire server off here, so every job waits as long as the test wants). The receiver's own
/// dispatch is asynchronous (<see cref="Marketplace.Core.Webhooks.Dispatch.WebhookDispatcher"/>): a received row is read
/// once its job id is recorded.
/// </summary>
public sealed class WebhookRecoveryJobTests
{
    private const string Billing = "/api/webhooks/stripe/billing";

    [Fact]
    public async Task Receive_ValidEvent_RecordsTheEnqueuedBatchJobIdOnTheRow()
    {
        await using var app = new WebhookFactory();
        var row = await ReceiveAsync(app);

        row.HangfireJobId.Should().NotBeNull();
        row.ClaimToken.Should().BeNull("the dispatcher's claim is replaced by the job id once the job is enqueued");
        row.EnqueuedAt.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        var job = JobData(app, row.HangfireJobId!);
        job!.State.Should().Be(EnqueuedState.StateName);
        job.Job.Type.Should().Be(typeof(ProcessStripeWebhookBatchJob), "the dispatcher enqueues one batch job per claim of rows");
        job.Job.Args[0].Should().BeOfType<long[]>().Which.Should().Contain(row.Id);
        job.Job.Args[1].Should().BeOfType<string>().Which.Should().StartWith(WebhookJobClaims.Prefix, "the batch knows the claim its rows were taken under");
    }

    [Fact]
    public async Task RunAsync_RowWhoseJobWaitsInTheQueueLongerThanTheMinimumAge_EnqueuesNothing()
    {
        await using var app = new WebhookFactory();
        var row = await ReceiveAsync(app);
        await BackdateAsync(app, row.Id, TimeSpan.FromMinutes(30));
        var before = WebhookJobCount(app);

        var enqueued = await RecoverAsync(app);

        enqueued.Should().Be(0);
        WebhookJobCount(app).Should().Be(before, "the row's own job is still in the queue");
        (await Reload(app, row.Id)).HangfireJobId.Should().Be(row.HangfireJobId);
    }

    [Fact]
    public async Task RunAsync_RowWhoseJobWasDeleted_EnqueuesANewJobAndRecordsIt()
    {
        await using var app = new WebhookFactory();
        var row = await ReceiveAsync(app);
        await BackdateAsync(app, row.Id, TimeSpan.FromMinutes(30));
        app.Services.GetRequiredService<IBackgroundJobClient>().Delete(row.HangfireJobId).Should().BeTrue();

        var enqueued = await RecoverAsync(app);

        enqueued.Should().Be(1);
        var recovered = await Reload(app, row.Id);
        recovered.HangfireJobId.Should().NotBe(row.HangfireJobId);
        JobData(app, recovered.HangfireJobId!)!.State.Should().Be(EnqueuedState.StateName);
        (await RecoverAsync(app)).Should().Be(0, "the new job is recorded, so the next run leaves it alone");
    }

    [Fact]
    public async Task RunAsync_RowWhoseJobHangfireNoLongerKnows_EnqueuesANewJob()
    {
        await using var app = new WebhookFactory();
        var row = await ReceiveAsync(app);
        await BackdateAsync(app, row.Id, TimeSpan.FromMinutes(30));
        await app.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.Id == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.HangfireJobId, "987654321")));

        (await RecoverAsync(app)).Should().Be(1);

        var recovered = await Reload(app, row.Id);
        recovered.HangfireJobId.Should().NotBe("987654321");
        JobData(app, recovered.HangfireJobId!).Should().NotBeNull();
    }

    [Fact]
    public async Task RunAsync_OldRowWithoutAJobId_EnqueuesItAndRecordsTheJob()
    {
        await using var app = new WebhookFactory();
        app.Settings["Webhooks:DispatcherEnabled"] = "false"; // the recovery job alone: no dispatcher to take the row first
        var payload = StripeEventSamples.Event("invoice.paid", "in_stranded", "invoice");
        var rowId = await app.WithDbAsync(async db =>
        {
            var row = new StripeWebhookEvent(System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!,
                WebhookEndpointKind.Billing, "invoice.paid", null, null, false, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(-10), payload);
            db.StripeWebhookEvents.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        (await RecoverAsync(app)).Should().Be(1);
        (await RecoverAsync(app)).Should().Be(0, "a second run sees the job the first one recorded");

        var recovered = await Reload(app, rowId);
        JobData(app, recovered.HangfireJobId!)!.Job.Args[0].Should().Be(rowId);
    }

    [Fact]
    public async Task RunAsync_RowLeftClaimedByADispatcherThatDied_EnqueuesItButLeavesAFreshClaimAlone()
    {
        await using var app = new WebhookFactory();
        app.Settings["Webhooks:DispatcherEnabled"] = "false";
        var payload = StripeEventSamples.Event("invoice.paid", "in_claimed", "invoice");
        var rowId = await app.WithDbAsync(async db =>
        {
            var row = new StripeWebhookEvent(System.Text.Json.JsonDocument.Parse(payload).RootElement.GetProperty("id").GetString()!,
                WebhookEndpointKind.Billing, "invoice.paid", null, null, false, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(-10), payload);
            db.StripeWebhookEvents.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        var claim = WebhookJobClaims.NewToken();
        await app.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.Id == rowId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, claim).SetProperty(e => e.EnqueuedAt, DateTime.UtcNow)));

        (await RecoverAsync(app)).Should().Be(0, "a claim made seconds ago belongs to a dispatcher about to enqueue");

        await app.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.Id == rowId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EnqueuedAt, DateTime.UtcNow.AddMinutes(-5))));
        (await RecoverAsync(app)).Should().Be(1, "a claim minutes old was left by a process that died before enqueueing");
        var recovered = await Reload(app, rowId);
        recovered.ClaimToken.Should().BeNull("the recovery job's own claim is replaced by the job it enqueued");
        JobData(app, recovered.HangfireJobId!)!.Job.Args[0].Should().Be(rowId);
    }

    [Fact]
    public async Task RunAsync_RowTriedOnceWhoseJobIsGone_EnqueuesItsOwnJob()
    {
        await using var app = new WebhookFactory();
        var row = await ReceiveAsync(app);
        // The batch's attempt failed and the hand-over to the row's own job never happened: the row is back to Received
        // with one attempt, and its batch job is gone (deleted from the dashboard; a batch Failed as a whole counts the same).
        await app.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, WebhookEventStatus.Received).SetProperty(e => e.Attempts, 1)
            .SetProperty(e => e.ReceivedAt, DateTime.UtcNow.AddMinutes(-30))));
        app.Services.GetRequiredService<IBackgroundJobClient>().Delete(row.HangfireJobId).Should().BeTrue();

        (await RecoverAsync(app)).Should().Be(1);
        var recovered = await Reload(app, row.Id);
        recovered.HangfireJobId.Should().NotBe(row.HangfireJobId);
        JobData(app, recovered.HangfireJobId!)!.Job.Type.Should().Be(typeof(ProcessStripeWebhookJob));
        (await RecoverAsync(app)).Should().Be(0, "the row's own job is alive");
    }

    private static async Task<StripeWebhookEvent> ReceiveAsync(WebhookFactory app)
    {
        var json = StripeEventSamples.Event("invoice.paid", "in_recovery", "invoice");
        using var client = app.CreateClient();
        var response = await client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        StripeWebhookEvent row;
        do
        {
            row = await app.WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().SingleAsync(e => e.Payload == json));
            if (row.HangfireJobId != null) return row;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"the dispatcher recorded no job for row {row.Id} within 30 s");
    }

    private static Task<int> BackdateAsync(WebhookFactory app, long rowId, TimeSpan by) =>
        app.WithDbAsync(db => db.StripeWebhookEvents.Where(e => e.Id == rowId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ReceivedAt, DateTime.UtcNow - by)));

    private static async Task<int> RecoverAsync(WebhookFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookRecoveryJob>().RunAsync(minimumAgeSeconds: 120);
    }

    private static Task<StripeWebhookEvent> Reload(WebhookFactory app, long id) =>
        app.WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().SingleAsync(e => e.Id == id));

    private static Hangfire.Storage.JobData? JobData(WebhookFactory app, string jobId)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetJobData(jobId);
    }

    private static long WebhookJobCount(WebhookFactory app) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("webhooks");
}
