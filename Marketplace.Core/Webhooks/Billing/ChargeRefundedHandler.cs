using Marketplace.Core.Orders;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// <c>charge.refunded</c> (https://docs.stripe.com/api/events/types#event_types-charge.refunded): a refund made here or in
/// the Stripe Dashboard. The charge is refetched with its refunds, reversals and fee refund and the order recomputed
/// from Stripe's totals (<see cref="OrderChargeSync"/>).
/// </summary>
public sealed class ChargeRefundedHandler(OrderChargeSync charges) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.ChargeRefunded;

    public Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken) =>
        OrderChargeEvents.SyncAsync(charges, stripeEvent.ObjectId, cancellationToken);
}
