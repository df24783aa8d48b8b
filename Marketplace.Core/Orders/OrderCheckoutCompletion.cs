using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Orders;

/// <summary>What the success page shows: whether the order is paid now, and the message.</summary>
public sealed record OrderCompletion(bool Found, bool Paid, Text.CoreMessage Message);

/// <summary>
/// Stripe Checkout's <c>success_url</c> of an order, <c>/orders/{token}/checkout/success?session_id=cs_…</c>, verified as
/// the subscription success page is: the session must exist at Stripe, be this order's (<c>metadata.order_id</c>,
/// <c>client_reference_id</c> and the session recorded on the order), and be complete and paid; then it is applied
/// through <see cref="OrderFulfilment"/>, the webhook's own path. A forged or another order's <c>session_id</c>
/// changes nothing.
/// </summary>
public sealed class OrderCheckoutCompletion(MarketplaceDbContext db, OrderFulfilment fulfilment, ILogger<OrderCheckoutCompletion> logger)
{
    /// <summary>
    /// Verifies and applies <paramref name="sessionId"/> to the order <paramref name="token"/>. Throws what the gateway
    /// throws when Stripe cannot be reached (the webhook will apply it later).
    /// </summary>
    public async Task<OrderCompletion> CompleteAsync(string token, string? sessionId, CancellationToken cancellationToken = default)
    {
        if (!OrderToken.IsWellFormed(token)) return new(false, false, "There is no such order.");
        var order = await db.Orders.AsNoTracking().Where(o => o.PublicToken == token)
            .Select(o => new { o.Id, o.StripeCheckoutSessionId, o.Status }).SingleOrDefaultAsync(cancellationToken);
        if (order is null) return new(false, false, "There is no such order.");
        if (order.Status == OrderStatus.Paid) return new(true, true, "Thank you: your payment is confirmed.");
        if (string.IsNullOrWhiteSpace(sessionId) || !sessionId.StartsWith("cs_", StringComparison.Ordinal) || sessionId.Length > 255
            || (order.StripeCheckoutSessionId is not null && order.StripeCheckoutSessionId != sessionId))
        {
            logger.LogWarning("Order {OrderId}'s success page opened with a session that is not its own", order.Id);
            return new(true, false, "This payment link is not this order's: nothing has changed.");
        }

        var result = await fulfilment.ApplyAsync(sessionId, order.Id, cancellationToken);
        return result switch
        {
            { Outcome: FulfilmentOutcome.SessionMissing or FulfilmentOutcome.NotAnOrder } => new(true, false, "This payment link is not this order's: nothing has changed."),
            { Order.Status: OrderStatus.Paid } => new(true, true, "Thank you: your payment is confirmed."),
            { Session.Status: "complete" } => new(true, false, "Your payment is being processed; this page will show it as soon as Stripe confirms it."),
            _ => new(true, false, "The payment was not completed: you have not been charged."),
        };
    }
}
