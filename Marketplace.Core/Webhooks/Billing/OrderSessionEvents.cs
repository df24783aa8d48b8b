using Marketplace.Core.Orders;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>What the Checkout Session handlers share for a buyer's order: apply it, and say why when it is not one.</summary>
internal static class OrderSessionEvents
{
    /// <summary>Applies the session; null when done (changed or already so), the reason when it is not an order's session.</summary>
    public static async Task<string?> ApplyAsync(OrderFulfilment orders, string sessionId, CancellationToken cancellationToken)
    {
        var result = await orders.ApplyAsync(sessionId, cancellationToken: cancellationToken);
        return result.Outcome switch
        {
            FulfilmentOutcome.SessionMissing => "Stripe has no such session",
            FulfilmentOutcome.NotAnOrder => "session is not one of our orders",
            _ => null,
        };
    }
}
