using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.Core.Orders;

/// <summary>What a sync of an order's charge found.</summary>
public enum ChargeSyncOutcome
{
    /// <summary>Stripe has no such charge.</summary>
    ChargeMissing,

    /// <summary>The charge is none of our orders' (no <c>order_id</c> in its metadata and no order holds it).</summary>
    NotAnOrder,

    /// <summary>The order now holds what Stripe holds (changed or not).</summary>
    Applied,
}

/// <summary>
/// The one path by which an order follows its charge after the sale: refunds made here or in the Stripe Dashboard,
/// their failures, and the charge's dispute. It refetches the charge with its refunds, its transfer's reversals and its
/// application fee (and the dispute when <c>disputed</c>), and recomputes the order from Stripe's totals under the
/// per-order lock (<see cref="Order.ApplyStripeCharge"/>), so deliveries in any order and any number end the same.
/// </summary>
public sealed class OrderChargeSync(MarketplaceDbContext db, IStripeGateway stripe, IDistributedLocks locks, TimeProvider clock,
    OrderEmails emails, ILogger<OrderChargeSync> logger)
{
    /// <summary>The metadata key naming the dispute on the transfer reversal and the transfer made for it.</summary>
    public const string DisputeIdMetadata = StripeMetadataKeys.DisputeId;

    /// <summary>The per-order lock's name, shared with the Checkout fulfilment.</summary>
    public static string LockName(int orderId) => $"order:{orderId}";

    /// <summary>
    /// Syncs the order of charge <paramref name="chargeId"/> (<c>ch_…</c>). Throws what the gateway throws when Stripe
    /// cannot be reached, <see cref="TimeoutException"/> when the lock is not granted, and
    /// <see cref="InvalidOperationException"/> when the order is not marked paid yet (a webhook job retries later).
    /// </summary>
    public async Task<(ChargeSyncOutcome Outcome, Order? Order)> SyncAsync(string chargeId, CancellationToken cancellationToken = default)
    {
        var orderId = await OrderIdOfChargeAsync(chargeId, cancellationToken);
        if (orderId is null) return (ChargeSyncOutcome.NotAnOrder, null);
        using var orderLock = await locks.AcquireAsync(LockName(orderId.Value), TimeSpan.FromSeconds(30), cancellationToken);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null) return (ChargeSyncOutcome.NotAnOrder, null);
        if (order.StripeChargeId is null) throw new InvalidOperationException($"Order {order.Id} is not marked paid yet; charge {chargeId} is retried later.");
        if (order.StripeChargeId != chargeId) return (ChargeSyncOutcome.NotAnOrder, order);
        var state = await ReadStateAsync(order, cancellationToken);
        if (state is null) return (ChargeSyncOutcome.ChargeMissing, order);
        await ApplyAndNotifyAsync(order, state, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (ChargeSyncOutcome.Applied, order);
    }

    /// <summary>
    /// Reads what Stripe holds for the order's charge; null when Stripe has no such charge. The caller holds the order's
    /// lock. Amounts are minor units.
    /// </summary>
    public async Task<OrderChargeState?> ReadStateAsync(Order order, CancellationToken cancellationToken = default)
    {
        if (order.StripeChargeId is null) return null;
        var charge = await stripe.FindChargeWithRefundsAsync(order.StripeChargeId, cancellationToken);
        if (charge is null) return null;
        Dispute? dispute = null;
        if (charge.Disputed) dispute = (await stripe.ListDisputesOfChargeAsync(charge.Id, cancellationToken)).OrderByDescending(d => d.Created).FirstOrDefault();
        return StateOf(charge, dispute);
    }

    /// <summary>Applies <paramref name="state"/> to <paramref name="order"/> (not saved) and logs a change; returns whether it changed.</summary>
    public bool Apply(Order order, OrderChargeState state)
    {
        var changed = order.ApplyStripeCharge(state, clock.GetUtcNow().UtcDateTime);
        if (changed)
            logger.LogInformation("Order {OrderId} is {OrderStatus} from charge {ChargeId}: refunded {RefundedMinor}, dispute {DisputeId} {DisputeStatus}",
                order.Id, order.Status, order.StripeChargeId, order.RefundedMinor, order.StripeDisputeId, order.DisputeStatus);
        return changed;
    }

    /// <summary>
    /// <see cref="Apply"/>, then queues the refund and dispute emails of what changed (<see cref="OrderEmails"/>), in
    /// the caller's save; returns whether the order changed.
    /// </summary>
    public async Task<bool> ApplyAndNotifyAsync(Order order, OrderChargeState state, CancellationToken cancellationToken)
    {
        var disputeBefore = order.StripeDisputeId;
        var changed = Apply(order, state);
        if (changed) await emails.QueueAfterChargeAsync(order, state.Refunds ?? [], disputeBefore, cancellationToken);
        return changed;
    }

    /// <summary>The order facts of a charge expanded with <c>refunds</c>, <c>transfer</c> and <c>application_fee</c>, and its dispute.</summary>
    public static OrderChargeState StateOf(Charge charge, Dispute? dispute)
    {
        var reversals = charge.Transfer?.Reversals?.Data ?? [];
        var forDispute = dispute is null ? null : reversals.FirstOrDefault(r => r.Metadata?.GetValueOrDefault(DisputeIdMetadata) == dispute.Id);
        var otherDisputeReversals = reversals.Where(r => r.Metadata?.ContainsKey(DisputeIdMetadata) == true).Sum(r => r.Amount);
        var latestRefund = charge.Refunds?.Data?.OrderByDescending(r => r.Created).FirstOrDefault();
        return new OrderChargeState(
            charge.AmountRefunded,
            (charge.Transfer?.AmountReversed ?? 0) - otherDisputeReversals,
            charge.ApplicationFee?.AmountRefunded ?? 0,
            latestRefund?.Status == "failed" ? latestRefund.FailureReason ?? "unknown" : null,
            dispute is null ? null : OrderDisputeFacts.Of(dispute),
            forDispute?.Id,
            forDispute?.Amount ?? 0,
            null,
            charge.Transfer?.DestinationId,
            [.. (charge.Refunds?.Data ?? []).OrderByDescending(r => r.Created).Select(r => new OrderRefundFacts(r.Id, r.Amount, r.Status))]);
    }

    /// <summary>The order id of charge <paramref name="chargeId"/>: the order holding it, else the charge's <c>metadata.order_id</c>; null when neither.</summary>
    public async Task<int?> OrderIdOfChargeAsync(string chargeId, CancellationToken cancellationToken)
    {
        var known = await db.Orders.AsNoTracking().Where(o => o.StripeChargeId == chargeId).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (known is not null) return known;
        var charge = await stripe.FindChargeWithRefundsAsync(chargeId, cancellationToken);
        var text = charge?.Metadata?.GetValueOrDefault(OrderMetadata.OrderId);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
