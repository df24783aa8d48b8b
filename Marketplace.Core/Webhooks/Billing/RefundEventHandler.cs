using Marketplace.Core.Orders;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// <c>refund.updated</c> and <c>refund.failed</c> (https://docs.stripe.com/refunds#failed-refunds): the refund is
/// refetched for its charge, and the charge's order recomputed (<see cref="OrderChargeSync"/>): a failed refund's
/// <c>failure_reason</c> is shown on the order and its amount no longer counts as refunded.
/// </summary>
public abstract class RefundEventHandler(IStripeGateway stripe, OrderChargeSync charges) : IStripeEventHandler
{
    public abstract string EventType { get; }

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no refund";
        var refund = await stripe.FindRefundAsync(stripeEvent.ObjectId, cancellationToken);
        if (refund is null) return "Stripe has no such refund";
        return await OrderChargeEvents.SyncAsync(charges, refund.ChargeId, cancellationToken);
    }
}
