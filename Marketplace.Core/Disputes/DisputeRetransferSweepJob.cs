using Hangfire;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.Core.Disputes;

/// <summary>
/// Recurring (hourly) safety net for won disputes whose transfer back to the creator Stripe refused (<c>balance_insufficient</c>:
/// the platform's available balance was short, https://docs.stripe.com/disputes/connect). The webhook job's own retries stop
/// after a few hours; funds may take days to become available, so this retries every order whose dispute is
/// <c>won</c>, whose transfer was reversed for it, and that has no transfer back yet, through <see cref="OrderDisputes"/>
/// (which looks the transfer up before making one, so a run never pays twice). No new column: the order already holds
/// the dispute's status, its reversal and the transfer back.
/// </summary>
public sealed class DisputeRetransferSweepJob(MarketplaceDbContext db, OrderDisputes disputes, ILogger<DisputeRetransferSweepJob> logger)
{
    public const string RecurringJobId = "dispute-retransfer-sweep";

    /// <summary>Retries the transfer back of up to 100 orders; returns how many now have it. A refusal is logged and left for the next run.</summary>
    [Queue("default")]
    [DisableConcurrentExecution(300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Orders.AsNoTracking()
            .Where(o => o.DisputeStatus == "won" && o.DisputeTransferReversalId != null && o.DisputeRetransferId == null && o.StripeDisputeId != null)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.StripeDisputeId }).Take(100).ToListAsync(cancellationToken);
        var done = 0;
        foreach (var order in pending)
        {
            try
            {
                await disputes.ApplyAsync(order.StripeDisputeId!, DisputeStep.Closed, cancellationToken);
                db.ChangeTracker.Clear();
                if (await db.Orders.AnyAsync(o => o.Id == order.Id && o.DisputeRetransferId != null, cancellationToken)) done++;
            }
            catch (StripeException ex)
            {
                db.ChangeTracker.Clear();
                logger.LogWarning("Transfer back for dispute {DisputeId} of order {OrderId} still refused: {StripeCode}", order.StripeDisputeId, order.Id, ex.StripeError?.Code);
            }
        }
        return done;
    }
}
