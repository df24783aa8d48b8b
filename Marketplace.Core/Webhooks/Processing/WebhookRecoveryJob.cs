using Hangfire;
using Hangfire.States;
using Marketplace.Core.Data;
using Marketplace.Core.Jobs;
using Marketplace.Core.Webhooks.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// Finds inbox rows acknowledged to Stripe whose processing job was lost (the process died between the commit and the
/// dispatch, or between its claim and its enqueue, the job storage was down, or the job was deleted from Hangfire) and
/// enqueues them again, recording the new job id on the row. It claims each row as <see cref="WebhookDispatcher"/> does
/// (<see cref="WebhookJobClaims"/>), so the two never enqueue the same row. A row whose job still waits in the queue, however long, is left alone. Runs at start-up and
/// every few minutes.
/// </summary>
public sealed class WebhookRecoveryJob(
    MarketplaceDbContext db,
    IBackgroundJobClient jobs,
    JobStorage storage,
    TimeProvider clock,
    ILogger<WebhookRecoveryJob> logger)
{
    /// <summary>The recurring job's id in Hangfire.</summary>
    public const string RecurringJobId = "webhook-inbox-recovery";

    /// <summary>
    /// Looks at rows still <c>Received</c> (never tried, or waiting for a retry after a failed attempt), received more than <paramref name="minimumAgeSeconds"/> ago
    /// (a younger one may be between its commit and its enqueue) and, when given, before <paramref name="receivedBefore"/>
    /// (UTC; the start-up run passes the start time, so rows received since then, which have their own job, are left
    /// alone). Of those it enqueues the rows with neither a <see cref="StripeWebhookEvent.HangfireJobId"/> nor a
    /// <see cref="StripeWebhookEvent.ClaimToken"/>, or whose job Hangfire no longer knows or holds in a final state
    /// (Succeeded, Deleted) although the row was never processed, or that holds a claim made before the same cutoff and more than
    /// <see cref="WebhookJobClaims.ClaimLostAfter"/> ago (its process died before enqueueing). A row waiting for a retry has a live (scheduled) job and is left alone; one
    /// whose batch failed as a whole after its attempt (the hand-over to its own job could not be scheduled) is taken.
    /// Returns how many were enqueued.
    /// </summary>
    [Queue(JobQueues.Webhooks)]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(int minimumAgeSeconds = 120, DateTime? receivedBefore = null, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddSeconds(-minimumAgeSeconds);
        if (receivedBefore is { } before && before < cutoff) cutoff = before;
        var candidates = await db.StripeWebhookEvents
            .Where(e => e.Status == WebhookEventStatus.Received && e.ReceivedAt <= cutoff)
            .OrderBy(e => e.Id).Take(1000).AsNoTracking().ToListAsync(cancellationToken);

        var enqueued = 0;
        var claimCutoff = clock.GetUtcNow().UtcDateTime - WebhookJobClaims.ClaimLostAfter;
        if (cutoff < claimCutoff) claimCutoff = cutoff;
        using var connection = storage.GetConnection();
        foreach (var row in candidates)
        {
            if (row.ClaimToken is not null)
            {
                if (row.EnqueuedAt > claimCutoff) continue; // a dispatcher is between its claim and its enqueue
            }
            else if (row.HangfireJobId is { } jobId && JobIsAlive(connection, jobId)) continue;

            var rowId = row.Id;
            var token = WebhookJobClaims.NewToken();
            if (!await WebhookJobClaims.ClaimAsync(db, row, token, clock.GetUtcNow().UtcDateTime, CancellationToken.None))
                continue; // the dispatcher or another recovery run took it meanwhile
            var newJobId = jobs.Enqueue<ProcessStripeWebhookJob>(job => job.RunAsync(rowId, null, CancellationToken.None));
            logger.LogWarning("Stripe event {StripeEventId} had no live job (job {PreviousJobId}, claim {PreviousClaim}); enqueued job {JobId}",
                row.StripeEventId, row.HangfireJobId ?? "none", row.ClaimToken ?? "none", newJobId);
            await WebhookJobClaims.RecordJobAsync(db, token, newJobId, clock.GetUtcNow().UtcDateTime, rowId);
            enqueued++;
        }

        if (enqueued > 0) logger.LogWarning("Re-enqueued {Count} webhook event(s) that had no live job", enqueued);
        return enqueued;
    }

    /// <summary>
    /// True when Hangfire knows job <paramref name="jobId"/> and it is not in a final state: enqueued, scheduled,
    /// processing, awaiting or failed (a failed row job is the dashboard's to re-run, not ours; a failed batch job is lost).
    /// </summary>
    private static bool JobIsAlive(Hangfire.Storage.IStorageConnection connection, string jobId)
    {
        var data = connection.GetJobData(jobId);
        if (data is null) return false;
        // A batch that failed as a whole (it could not hand a row over, three times) leaves its rows to us.
        if (data.State == FailedState.StateName && data.Job?.Type == typeof(ProcessStripeWebhookBatchJob)) return false;
        return data.State != SucceededState.StateName && data.State != DeletedState.StateName;
    }
}
