using Hangfire;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Processing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Admin;

/// <summary>The admin's "Process again" on an inbox row that ended Failed or Ignored.</summary>
public sealed class WebhookReprocessing(
    MarketplaceDbContext db,
    IBackgroundJobClient jobs,
    IDistributedLocks locks,
    TimeProvider clock,
    IOptions<StripeOptions> stripeOptions,
    ILogger<WebhookReprocessing> logger)
{
    /// <summary>
    /// Puts row <paramref name="inboxEventId"/> back to Received (<see cref="StripeWebhookEvent.Requeue"/>), enqueues a
    /// new <see cref="ProcessStripeWebhookJob"/> on the <c>webhooks</c> queue through Hangfire and records its job id
    /// (<see cref="StripeWebhookEvent.RecordEnqueued"/>). It holds the row's processing lock meanwhile, so the job reads
    /// the row only once it is saved. Returns the Hangfire job id.
    /// </summary>
    /// <exception cref="DomainException">
    /// No row has that id, the row is neither Failed nor Ignored, or it comes from the other Stripe mode (a live event in a
    /// test-mode app or the reverse: its objects do not exist for this app's key, so it is never processed).
    /// </exception>
    public async Task<string> ProcessAgainAsync(long inboxEventId, CancellationToken cancellationToken = default)
    {
        using var rowLock = await locks.AcquireAsync($"webhook-event:{inboxEventId}", TimeSpan.FromSeconds(30), cancellationToken);
        var row = await db.StripeWebhookEvents.SingleOrDefaultAsync(e => e.Id == inboxEventId, cancellationToken)
            ?? throw new DomainException("There is no webhook event {0}.", inboxEventId);
        var liveMode = stripeOptions.Value.IsLiveMode;
        if (row.Livemode != liveMode)
            throw new DomainException(row.Livemode
                ? "This is a live-mode event and the app uses test-mode keys: it can never be processed by this app."
                : "This is a test-mode event and the app uses live-mode keys: it can never be processed by this app.");
        var before = row.Status;
        row.Requeue();
        var jobId = jobs.Enqueue<ProcessStripeWebhookJob>(job => job.RunAsync(inboxEventId, null, CancellationToken.None));
        row.RecordEnqueued(jobId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Stripe event {StripeEventId} ({Status}) processed again by an admin as job {JobId}", row.StripeEventId, before, jobId);
        return jobId;
    }
}
