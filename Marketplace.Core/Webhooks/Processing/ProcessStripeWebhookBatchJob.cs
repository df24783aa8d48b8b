using Hangfire;
using Hangfire.Server;
using Marketplace.Core.Data;
using Marketplace.Core.Jobs;
using Marketplace.Core.Webhooks.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// The Hangfire job that processes a batch of inbox rows enqueued together by <see cref="WebhookDispatcher"/>: each row
/// in its own DI scope through <see cref="WebhookEventProcessor"/> (the same per-row logic as
/// <see cref="ProcessStripeWebhookJob"/>), <see cref="WebhookDispatchOptions.BatchParallelism"/> at a time. That attempt
/// counts. A row whose attempt fails is handed over to its own <see cref="ProcessStripeWebhookJob.ContinueAfterBatchAsync"/>,
/// scheduled after the first retry delay, whose id replaces the batch's on the row: Hangfire retries it with backoff,
/// shows it Failed after the last attempt, and re-runs it on demand. The batch job itself is retried only when it could
/// not hand a row over; a rerun skips the rows already settled or handed over. The rows share their refetches: one read
/// per Stripe object for the whole batch (<see cref="StripeGateway.StripeReadMemo"/>).
/// </summary>
public sealed class ProcessStripeWebhookBatchJob(
    IServiceScopeFactory scopes,
    IBackgroundJobClient jobs,
    IOptions<WebhookDispatchOptions> options,
    TimeProvider clock,
    ILogger<ProcessStripeWebhookBatchJob> logger)
{
    /// <summary>
    /// Processes the rows <paramref name="inboxEventIds"/> that still belong to this batch (<see cref="WebhookRowOwner"/>:
    /// their claim token is <paramref name="claim"/>, the dispatcher's, or their Hangfire job id is this job's). Returns how
    /// many it settled.
    /// </summary>
    /// <exception cref="Exception">A failed row could not be handed over to its own job (job storage down): Hangfire retries the batch.</exception>
    [Queue(JobQueues.Webhooks)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<int> RunAsync(long[] inboxEventIds, string claim, PerformContext? context, CancellationToken cancellationToken)
    {
        var owner = new WebhookRowOwner(claim, context?.BackgroundJob?.Id);
        var settled = 0;
        // Rows of one object share one refetch (StripeReadMemo): events of one subscription or invoice on renewal day.
        using var reads = StripeGateway.StripeReadMemo.Begin();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.BatchParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(inboxEventIds, parallel, async (rowId, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<WebhookEventProcessor>()
                    .ProcessAsync(rowId, lastAttempt: false, owner, token);
                if (outcome is WebhookProcessingOutcome.Processed or WebhookProcessingOutcome.Ignored) Interlocked.Increment(ref settled);
            }
            catch (Exception) when (!token.IsCancellationRequested)
            {
                // The failure is recorded on the row (status Received, attempt counted); its retries are its own job's.
                var retryJobId = jobs.Schedule<ProcessStripeWebhookJob>(job => job.ContinueAfterBatchAsync(rowId, null, CancellationToken.None),
                    TimeSpan.FromSeconds(ProcessStripeWebhookJob.FirstRetryDelaySeconds));
                var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
                await WebhookJobClaims.HandOverAsync(db, rowId, retryJobId, clock.GetUtcNow().UtcDateTime);
                logger.LogWarning("Inbox row {InboxEventId} failed in a batch; its retries are Hangfire job {JobId}", rowId, retryJobId);
            }
        });

        logger.LogInformation("Webhook batch of {Rows} rows: {Settled} settled, {Sent} Stripe reads sent for {Requested} asked",
            inboxEventIds.Length, settled, reads.Memo.Sent, reads.Memo.Requested);
        return settled;
    }
}
