using Marketplace.Core.Orders;
using Marketplace.StripeGateway;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>refund.failed</c>: see <see cref="RefundEventHandler"/>.</summary>
public sealed class RefundFailedHandler(IStripeGateway stripe, OrderChargeSync charges) : RefundEventHandler(stripe, charges)
{
    public override string EventType => StripeEventTypes.RefundFailed;
}
