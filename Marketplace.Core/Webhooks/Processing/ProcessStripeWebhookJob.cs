using Hangfire;
using Hangfire.Server;
using Marketplace.Core.Data;
using Marketplace.Core.Locking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// The Hangfire job that processes one inbox row: dispatches it to the handler of its type and records the outcome
/// (Processed, Ignored, or the failure with the attempt count). Failures are retried by Hangfire with backoff; after
/// the last attempt the row is Failed and the job stays in the dashboard's Failed list, where it can be re-run.
/// </summary>
public sealed class ProcessStripeWebhookJob(
    MarketplaceDbContext db,
    IEnumerable<IStripeEventHandler> handlers,
    IDistributedLocks locks,
    TimeProvider clock,
    ILogger<ProcessStripeWebhookJob> logger)
{
    /// <summary>Retries after the first attempt; the delays below are between attempts, in seconds.</summary>
    public const int MaxRetries = 10;

    /// <summary>Processes inbox row <paramref name="inboxEventId"/>; a row already Processed or Ignored is left alone.</summary>
    [Queue("webhooks")]
    [AutomaticRetry(Attempts = MaxRetries, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(long inboxEventId, PerformContext? context, CancellationToken cancellationToken)
    {
        using var rowLock = await locks.AcquireAsync($"webhook-event:{inboxEventId}", TimeSpan.FromMinutes(2), cancellationToken);
        var row = await db.StripeWebhookEvents.SingleOrDefaultAsync(e => e.Id == inboxEventId, cancellationToken);
        if (row is null)
        {
            logger.LogWarning("Inbox row {InboxEventId} does not exist; nothing to process", inboxEventId);
            return;
        }

        if (row.Status is WebhookEventStatus.Processed or WebhookEventStatus.Ignored) return;
        row.StartAttempt();
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            var ignoredBecause = await DispatchAsync(row, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (ignoredBecause is null) row.MarkProcessed(now);
            else row.MarkIgnored(now, ignoredBecause);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Stripe event {StripeEventId} ({StripeEventType}) {Outcome} after {Attempts} attempt(s)",
                row.StripeEventId, row.Type, row.Status, row.Attempts);
        }
        catch (Exception ex)
        {
            var retriesDone = context?.GetJobParameter<int>("RetryCount") ?? 0;
            var final = retriesDone >= MaxRetries;
            logger.LogWarning(ex, "Stripe event {StripeEventId} ({StripeEventType}) failed attempt {Attempts}{Final}",
                row.StripeEventId, row.Type, row.Attempts, final ? ", no retry left" : ", will retry");
            db.ChangeTracker.Clear();
            var fresh = await db.StripeWebhookEvents.SingleAsync(e => e.Id == inboxEventId, CancellationToken.None);
            fresh.RecordFailure($"{ex.GetType().Name}: {ex.Message}", final);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<string?> DispatchAsync(StripeWebhookEvent row, CancellationToken cancellationToken)
    {
        var handler = handlers.FirstOrDefault(h => h.EventType == row.Type);
        if (handler is null) return $"no handler for {row.Type}";
        if (!StripeEventEnvelope.TryParse(row.Payload, out var envelope, out var error)) return $"payload unreadable: {error}";
        return await handler.HandleAsync(envelope!, row.Payload, cancellationToken);
    }
}
