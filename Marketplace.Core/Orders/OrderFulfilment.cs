using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe.Checkout;

namespace Marketplace.Core.Orders;

/// <summary>What applying a payment-mode Checkout Session did to its order.</summary>
public enum FulfilmentOutcome
{
    /// <summary>Stripe has no such session.</summary>
    SessionMissing,

    /// <summary>The session is not one of our orders' (no <c>order_id</c>, another mode, or the ids disagree).</summary>
    NotAnOrder,

    /// <summary>The order became Paid now.</summary>
    Paid,

    /// <summary>The order became Expired now.</summary>
    Expired,

    /// <summary>Nothing to change: already in Stripe's state, or the session is still open.</summary>
    Unchanged,
}

/// <summary>The outcome, the order (as stored after it) and the session Stripe holds.</summary>
public sealed record FulfilmentResult(FulfilmentOutcome Outcome, Order? Order = null, Session? Session = null);

/// <summary>
/// The one path by which an order follows its Checkout Session (https://docs.stripe.com/checkout/fulfillment): the
/// <c>checkout.session.completed</c> and <c>checkout.session.expired</c> webhooks and the success page all call it.
/// It refetches the session from Stripe with <c>payment_intent.latest_charge.balance_transaction</c> expanded, finds the
/// order from <c>metadata.order_id</c> (and <c>client_reference_id</c>), and under a per-order lock makes it Paid
/// (complete and <c>payment_status=paid</c>) or Expired. Whichever caller comes first changes the order; the others
/// change nothing, in any order, any number of times.
/// </summary>
public sealed class OrderFulfilment(MarketplaceDbContext db, IStripeGateway stripe, IDistributedLocks locks, TimeProvider clock,
    OrderEmails emails, ILogger<OrderFulfilment> logger)
{
    /// <summary>
    /// Applies Checkout Session <paramref name="sessionId"/> (<c>cs_…</c>) to its order. Throws what the gateway throws
    /// when Stripe cannot be reached (a webhook job retries), and <see cref="TimeoutException"/> when the order's lock is
    /// not granted. With <paramref name="expectedOrderId"/> (the success page) a session of any other order is
    /// <see cref="FulfilmentOutcome.NotAnOrder"/> and nothing is applied.
    /// </summary>
    public async Task<FulfilmentResult> ApplyAsync(string sessionId, int? expectedOrderId = null, CancellationToken cancellationToken = default)
    {
        var session = await stripe.FindCheckoutSessionWithPaymentAsync(sessionId, cancellationToken);
        if (session is null) return new(FulfilmentOutcome.SessionMissing);
        var orderId = OrderIdOf(session);
        if (session.Mode != "payment" || orderId is null || (expectedOrderId is not null && orderId != expectedOrderId))
            return new(FulfilmentOutcome.NotAnOrder, Session: session);

        using var orderLock = await locks.AcquireAsync($"order:{orderId}", TimeSpan.FromSeconds(30), cancellationToken);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null || (order.StripeCheckoutSessionId is not null && order.StripeCheckoutSessionId != session.Id))
        {
            logger.LogWarning("Checkout Session {CheckoutSessionId} names order {OrderId}, which has another session or does not exist", session.Id, orderId);
            return new(FulfilmentOutcome.NotAnOrder, order, session);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        order.AttachCheckoutSession(session.Id, session.Url, session.ExpiresAt, now); // a session created but never recorded (crash, lost answer)
        var outcome = FulfilmentOutcome.Unchanged;
        if (session.Status == "complete" && session.PaymentStatus == "paid")
        {
            var wasPaid = order.Status == OrderStatus.Paid;
            if (order.MarkPaid(PaymentOf(session), now) && !wasPaid) outcome = FulfilmentOutcome.Paid;
        }
        else if (session.Status == "expired" && order.MarkExpired(now))
        {
            outcome = FulfilmentOutcome.Expired;
        }

        if (outcome == FulfilmentOutcome.Paid) await emails.QueuePaidAsync(order, cancellationToken); // the receipt and the sale, saved with the payment
        await db.SaveChangesAsync(cancellationToken);
        if (outcome != FulfilmentOutcome.Unchanged)
            logger.LogInformation("Order {OrderId} is {OrderStatus} from Checkout Session {CheckoutSessionId}", order.Id, order.Status, session.Id);
        return new(outcome, order, session);
    }

    /// <summary>The order id a session names: <c>metadata.order_id</c>, which <c>client_reference_id</c> must equal; null otherwise.</summary>
    public static int? OrderIdOf(Session session)
    {
        var text = session.Metadata?.GetValueOrDefault(OrderMetadata.OrderId);
        if (text is null || text != session.ClientReferenceId) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    private static OrderPayment PaymentOf(Session session)
    {
        var charge = session.PaymentIntent?.LatestCharge;
        return new OrderPayment(
            session.PaymentIntentId,
            charge?.Id ?? session.PaymentIntent?.LatestChargeId,
            charge?.TransferId,
            charge?.ApplicationFeeId,
            charge?.BalanceTransaction?.Fee,
            charge?.ReceiptUrl,
            session.CustomerDetails?.Email ?? session.CustomerEmail);
    }
}
