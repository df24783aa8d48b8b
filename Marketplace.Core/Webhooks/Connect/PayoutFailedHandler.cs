using Marketplace.Core.Payouts;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary><c>payout.failed</c>: the bank refused the payout (<c>failure_code</c>, <c>failure_message</c>); the creator sees a banner.</summary>
public sealed class PayoutFailedHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutFailed;
}
