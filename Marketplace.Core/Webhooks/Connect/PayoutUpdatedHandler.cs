using Marketplace.Core.Payouts;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary><c>payout.updated</c>: any other change (e.g. <c>in_transit</c>).</summary>
public sealed class PayoutUpdatedHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutUpdated;
}
