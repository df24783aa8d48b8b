using Hangfire;
using Hangfire.Server;
using Marketplace.Core.Data;
using Marketplace.Core.Jobs;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks.Dispatch;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// The Hangfire job that processes one inbox row (<see cref="WebhookEventProcessor"/>): the row's retries after a failed
/// attempt in a <see cref="ProcessStripeWebhookBatchJob"/>, the admin's "Process again", the recovery job's re-enqueue.
/// Failures are retried by Hangfire with backoff; after the last attempt the row is Failed and the job stays in the
/// dashboard's Failed list, where it can be re-run. A last attempt that met a Stripe rate limit (429) does not fail: it
/// hands the row to a new job <see cref="RateLimitedRetryMinutes"/> later, with a fresh round of retries, so a busy
/// Stripe never ends an event as Failed.
/// </summary>
public sealed class ProcessStripeWebhookJob(
    WebhookEventProcessor processor,
    IBackgroundJobClient jobs,
    MarketplaceDbContext db,
    TimeProvider clock,
    ILogger<ProcessStripeWebhookJob> logger)
{
    /// <summary>How long after a rate-limited last attempt the row's new job starts, in minutes.</summary>
    public const int RateLimitedRetryMinutes = 5;

    /// <summary>Retries after the first attempt; the delays below are between attempts, in seconds.</summary>
    public const int MaxRetries = 10;

    /// <summary>The delay before the first retry, in seconds (the first of the delays below).</summary>
    public const int FirstRetryDelaySeconds = 5;

    /// <summary>Processes inbox row <paramref name="inboxEventId"/>; a row already Processed or Ignored is left alone.</summary>
    [Queue(JobQueues.Webhooks)]
    [AutomaticRetry(Attempts = MaxRetries, DelaysInSeconds = [FirstRetryDelaySeconds, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(long inboxEventId, PerformContext? context, CancellationToken cancellationToken)
    {
        var retriesDone = context?.GetJobParameter<int>("RetryCount") ?? 0;
        await ProcessAsync(inboxEventId, lastAttempt: retriesDone >= MaxRetries, cancellationToken);
    }

    /// <summary>
    /// The rest of a row's attempts after its first one failed inside a batch: scheduled
    /// <see cref="FirstRetryDelaySeconds"/> after it, this is the row's second attempt, and Hangfire retries it with the
    /// remaining delays, so a row gets <see cref="MaxRetries"/> + 1 attempts in all, as with <see cref="RunAsync"/>.
    /// </summary>
    [Queue(JobQueues.Webhooks)]
    [AutomaticRetry(Attempts = MaxRetries - 1, DelaysInSeconds = [15, 30, 60, 120, 300, 600, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task ContinueAfterBatchAsync(long inboxEventId, PerformContext? context, CancellationToken cancellationToken)
    {
        var retriesDone = context?.GetJobParameter<int>("RetryCount") ?? 0;
        await ProcessAsync(inboxEventId, lastAttempt: retriesDone >= MaxRetries - 1, cancellationToken);
    }

    private async Task ProcessAsync(long inboxEventId, bool lastAttempt, CancellationToken cancellationToken)
    {
        try
        {
            await processor.ProcessAsync(inboxEventId, lastAttempt, owner: null, cancellationToken);
        }
        catch (Exception ex) when (lastAttempt && StripeRateLimit.IsRateLimited(ex))
        {
            var jobId = jobs.Schedule<ProcessStripeWebhookJob>(job => job.ContinueAfterBatchAsync(inboxEventId, null, CancellationToken.None),
                TimeSpan.FromMinutes(RateLimitedRetryMinutes));
            await WebhookJobClaims.HandOverAsync(db, inboxEventId, jobId, clock.GetUtcNow().UtcDateTime);
            logger.LogWarning("Inbox row {InboxEventId} met Stripe's rate limit on its last attempt; Hangfire job {JobId} tries again", inboxEventId, jobId);
        }
    }
}
