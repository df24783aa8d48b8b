using Marketplace.Core.Data;
using Marketplace.Core.ProcessingNotes;
using Marketplace.Locking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Webhooks.Processing;

/// <summary>What <see cref="WebhookEventProcessor.ProcessAsync"/> did with a row.</summary>
public enum WebhookProcessingOutcome
{
    /// <summary>No such row.</summary>
    Missing,

    /// <summary>Already Processed or Ignored (or Failed): left alone.</summary>
    AlreadySettled,

    /// <summary>The row now belongs to another job (its job id changed): left to it.</summary>
    NotOwned,

    /// <summary>Handled: the row is now Processed.</summary>
    Processed,

    /// <summary>Deliberately not acted on: the row is now Ignored, with why.</summary>
    Ignored,
}

/// <summary>
/// The per-row processing shared by <see cref="ProcessStripeWebhookJob"/> (one row) and
/// <see cref="ProcessStripeWebhookBatchJob"/> (one row per DI scope): takes the row's lock, counts the attempt, dispatches
/// the event to the handler of its type (a membership's or a plan's, <see cref="Memberships.Webhooks.MembershipEvents"/>) and records the outcome, or the failure (and rethrows it). An object Stripe does
/// not hold (<see cref="StripeObjectAbsence"/>) fails the first attempt (retried shortly) and makes the second Ignored; a
/// Stripe rate limit (429) never makes a row Failed, even on its last attempt. Scoped.
/// </summary>
public sealed class WebhookEventProcessor(
    MarketplaceDbContext db,
    IEnumerable<IStripeEventHandler> handlers,
    IEnumerable<Memberships.Webhooks.IMembershipEventHandler> membershipHandlers,
    IDistributedLocks locks,
    WebhookProcessingNotes notes,
    TimeProvider clock,
    ILogger<WebhookEventProcessor> logger)
{
    /// <summary>
    /// Processes inbox row <paramref name="inboxEventId"/>; a row already Processed or Ignored is left alone, and so is a
    /// row that <paramref name="owner"/>, when given, does not hold (a batch's row handed over to its own job).
    /// The check runs under the row's processing lock.
    /// </summary>
    /// <param name="inboxEventId">The row's <see cref="StripeWebhookEvent.Id"/>.</param>
    /// <param name="lastAttempt">True when no retry follows a failure: the row is then recorded as Failed.</param>
    /// <param name="owner">The claim and job under which the caller may process the row; null for any.</param>
    /// <param name="cancellationToken">Cancels the attempt (recorded as a failure).</param>
    /// <exception cref="Exception">Whatever the handler threw, after the failure is recorded on the row.</exception>
    public async Task<WebhookProcessingOutcome> ProcessAsync(long inboxEventId, bool lastAttempt, WebhookRowOwner? owner,
        CancellationToken cancellationToken)
    {
        using var rowLock = await locks.AcquireAsync($"webhook-event:{inboxEventId}", TimeSpan.FromMinutes(2), cancellationToken);
        var row = await db.StripeWebhookEvents.SingleOrDefaultAsync(e => e.Id == inboxEventId, cancellationToken);
        if (row is null)
        {
            logger.LogWarning("Inbox row {InboxEventId} does not exist; nothing to process", inboxEventId);
            return WebhookProcessingOutcome.Missing;
        }

        if (row.Status is WebhookEventStatus.Processed or WebhookEventStatus.Ignored) return WebhookProcessingOutcome.AlreadySettled;
        if (owner is not null && (row.Status == WebhookEventStatus.Failed || !owner.Owns(row)))
            return WebhookProcessingOutcome.NotOwned;
        row.StartAttempt();
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            var ignoredBecause = await DispatchAsync(row, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (ignoredBecause is null) row.MarkProcessed(now, notes.Text);
            else row.MarkIgnored(now, ignoredBecause);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Stripe event {StripeEventId} ({StripeEventType}) {Outcome} after {Attempts} attempt(s)",
                row.StripeEventId, row.Type, row.Status, row.Attempts);
            return ignoredBecause is null ? WebhookProcessingOutcome.Processed : WebhookProcessingOutcome.Ignored;
        }
        catch (Exception ex) when (row.Attempts >= StripeObjectAbsence.AttemptsBeforeIgnoring && StripeObjectAbsence.Describe(ex) is { } absent)
        {
            // Retrying for hours would not make Stripe hold the object: settled as Ignored after one short retry.
            db.ChangeTracker.Clear();
            var fresh = await db.StripeWebhookEvents.SingleAsync(e => e.Id == inboxEventId, CancellationToken.None);
            fresh.MarkIgnored(clock.GetUtcNow().UtcDateTime, $"{absent}; ignored after {fresh.Attempts} attempts");
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Stripe event {StripeEventId} ({StripeEventType}) Ignored: {Reason}", fresh.StripeEventId, fresh.Type, absent);
            return WebhookProcessingOutcome.Ignored;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Stripe event {StripeEventId} ({StripeEventType}) failed attempt {Attempts}{Final}",
                row.StripeEventId, row.Type, row.Attempts, lastAttempt ? ", no retry left" : ", will retry");
            db.ChangeTracker.Clear();
            var fresh = await db.StripeWebhookEvents.SingleAsync(e => e.Id == inboxEventId, CancellationToken.None);
            // A rate limit is never a reason to give up: the row stays Received and its job schedules another attempt.
            fresh.RecordFailure($"{ex.GetType().Name}: {ex.Message}", lastAttempt && !StripeGateway.StripeRateLimit.IsRateLimited(ex));
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<string?> DispatchAsync(StripeWebhookEvent row, CancellationToken cancellationToken)
    {
        if (!handlers.Any(h => h.EventType == row.Type)) return $"no handler for {row.Type}";
        if (!StripeEventEnvelope.TryParse(row.Payload, out var envelope, out var error)) return $"payload unreadable: {error}";
        // Two kinds of subscriptions share the Billing endpoint: a creator's membership (its metadata) or the platform's plan.
        var handler = Memberships.Webhooks.MembershipEvents.IsMembership(row.Type, row.Payload)
            ? membershipHandlers.First(h => h.EventType == row.Type)
            : handlers.First(h => h.EventType == row.Type);
        return await handler.HandleAsync(envelope!, row.Payload, cancellationToken);
    }
}
