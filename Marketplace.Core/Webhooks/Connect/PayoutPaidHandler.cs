using Marketplace.Core.Payouts;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary><c>payout.paid</c>: the payout is expected in the bank (<c>paid</c>); clears a failed payout's banner.</summary>
public sealed class PayoutPaidHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutPaid;
}
