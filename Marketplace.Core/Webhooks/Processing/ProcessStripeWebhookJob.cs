using Hangfire;
using Hangfire.Server;
using Marketplace.Core.Jobs;

namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// The Hangfire job that processes one inbox row (<see cref="WebhookEventProcessor"/>): the row's retries after a failed
/// attempt in a <see cref="ProcessStripeWebhookBatchJob"/>, the admin's "Process again", the recovery job's re-enqueue.
/// Failures are retried by Hangfire with backoff; after the last attempt the row is Failed and the job stays in the
/// dashboard's Failed list, where it can be re-run.
/// </summary>
public sealed class ProcessStripeWebhookJob(WebhookEventProcessor processor)
{
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
        await processor.ProcessAsync(inboxEventId, lastAttempt: retriesDone >= MaxRetries, owner: null, cancellationToken);
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
        await processor.ProcessAsync(inboxEventId, lastAttempt: retriesDone >= MaxRetries - 1, owner: null, cancellationToken);
    }
}
