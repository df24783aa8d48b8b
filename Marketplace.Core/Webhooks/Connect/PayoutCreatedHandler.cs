using Marketplace.Core.Payouts;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary><c>payout.created</c>: a payout to the creator's bank started (usually <c>pending</c>).</summary>
public sealed class PayoutCreatedHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutCreated;
}
