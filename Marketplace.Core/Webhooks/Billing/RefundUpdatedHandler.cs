using Marketplace.Core.Orders;
using Marketplace.StripeGateway;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>refund.updated</c>: see <see cref="RefundEventHandler"/>.</summary>
public sealed class RefundUpdatedHandler(IStripeGateway stripe, OrderChargeSync charges) : RefundEventHandler(stripe, charges)
{
    public override string EventType => StripeEventTypes.RefundUpdated;
}
