using Marketplace.Core.Payouts;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary><c>payout.canceled</c>: the payout was canceled before it left Stripe.</summary>
public sealed class PayoutCanceledHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutCanceled;
}
