using Marketplace.Core.Disputes;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>charge.dispute.funds_withdrawn</c>: the creator's transfer is reversed for the disputed amount (unless configured off).</summary>
public sealed class ChargeDisputeFundsWithdrawnHandler(OrderDisputes disputes) : DisputeEventHandler(disputes, DisputeStep.FundsWithdrawn)
{
    public override string EventType => StripeEventTypes.ChargeDisputeFundsWithdrawn;
}
