using Hangfire;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// Finds inbox rows acknowledged to Stripe but never given a job (the process died between the commit and the
/// enqueue, or the job storage was down) and enqueues them. Runs at start-up and every few minutes.
/// </summary>
public sealed class WebhookRecoveryJob(MarketplaceDbContext db, IBackgroundJobClient jobs, TimeProvider clock, ILogger<WebhookRecoveryJob> logger)
{
    /// <summary>The recurring job's id in Hangfire.</summary>
    public const string RecurringJobId = "webhook-inbox-recovery";

    /// <summary>
    /// Enqueues rows still <c>Received</c> with no attempt, received more than <paramref name="minimumAgeSeconds"/> ago
    /// (younger ones may have a job waiting in the queue) and, when given, before <paramref name="receivedBefore"/> (UTC;
    /// the start-up run passes the start time, so rows received since then, which have their own job, are left alone).
    /// Returns how many were enqueued.
    /// </summary>
    [Queue("webhooks")]
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(int minimumAgeSeconds = 120, DateTime? receivedBefore = null, CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddSeconds(-minimumAgeSeconds);
        if (receivedBefore is { } before && before < cutoff) cutoff = before;
        var stranded = await db.StripeWebhookEvents
            .Where(e => e.Status == WebhookEventStatus.Received && e.Attempts == 0 && e.ReceivedAt <= cutoff)
            .OrderBy(e => e.Id).Select(e => e.Id).Take(1000).ToListAsync(cancellationToken);
        foreach (var id in stranded) jobs.Enqueue<ProcessStripeWebhookJob>(job => job.RunAsync(id, null, CancellationToken.None));
        if (stranded.Count > 0) logger.LogWarning("Re-enqueued {Count} webhook event(s) that had no job", stranded.Count);
        return stranded.Count;
    }
}
