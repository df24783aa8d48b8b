using Marketplace.Core.Orders;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// <c>checkout.session.expired</c>: a payment-mode session of an order is refetched and applied through
/// <see cref="OrderFulfilment"/> (a Pending order becomes Expired; a Paid one stays Paid). A subscription-mode session
/// that expired changes nothing of ours (the plan page simply starts a new one).
/// </summary>
public sealed class CheckoutSessionExpiredHandler(OrderFulfilment orders) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.CheckoutSessionExpired;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no session";
        var mode = StripeEventEnvelope.DataObjectText(payload, "mode");
        if (mode is not null && mode != "payment") return $"session mode is {mode}";
        return await OrderSessionEvents.ApplyAsync(orders, stripeEvent.ObjectId, cancellationToken);
    }
}
