using Hangfire;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Orders;

/// <summary>
/// Recurring safety net for orders left Pending because <c>checkout.session.expired</c> (or <c>.completed</c>) never
/// arrived: every Pending order whose Checkout Session's <c>expires_at</c> is more than <see cref="Grace"/> in the past is
/// settled through <see cref="OrderFulfilment"/> (the session refetched from Stripe: expired → Expired; complete and paid
/// → Paid, with its receipt emails, exactly as the success page does; anything else stays Pending for the next run).
/// </summary>
public sealed class PendingOrderSweepJob(MarketplaceDbContext db, OrderFulfilment fulfilment, TimeProvider clock, ILogger<PendingOrderSweepJob> logger)
{
    public const string RecurringJobId = "pending-order-sweep";

    /// <summary>How long after <c>expires_at</c> the webhook is given before the sweep asks Stripe itself.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);

    /// <summary>The most orders one run settles (oldest expiry first); the rest wait for the next run.</summary>
    public const int BatchSize = 100;

    /// <summary>Settles up to <see cref="BatchSize"/> stale Pending orders; returns how many changed. One that Stripe cannot answer is logged and left for the next run.</summary>
    [Queue("default")]
    [DisableConcurrentExecution(300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - Grace;
        var stale = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Pending && o.StripeCheckoutSessionId != null && o.CheckoutExpiresAt < before)
            .OrderBy(o => o.CheckoutExpiresAt).ThenBy(o => o.Id).Select(o => new { o.Id, o.StripeCheckoutSessionId }).Take(BatchSize).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var order in stale)
        {
            try
            {
                var result = await fulfilment.ApplyAsync(order.StripeCheckoutSessionId!, order.Id, cancellationToken);
                if (result.Outcome is FulfilmentOutcome.Paid or FulfilmentOutcome.Expired) changed++;
            }
            catch (Exception ex) when (ex is Stripe.StripeException or TimeoutException or HttpRequestException)
            {
                logger.LogWarning(ex, "Pending order {OrderId} could not be settled from its Checkout Session now", order.Id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        if (changed > 0) logger.LogInformation("The pending-order sweep settled {Count} orders", changed);
        return changed;
    }
}
