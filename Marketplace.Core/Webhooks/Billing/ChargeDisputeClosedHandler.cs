using Marketplace.Core.Disputes;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>charge.dispute.closed</c>: <c>won</c> puts the order back and transfers the reversed amount back; <c>lost</c> makes it DisputeLost.</summary>
public sealed class ChargeDisputeClosedHandler(OrderDisputes disputes) : DisputeEventHandler(disputes, DisputeStep.Closed)
{
    public override string EventType => StripeEventTypes.ChargeDisputeClosed;
}
