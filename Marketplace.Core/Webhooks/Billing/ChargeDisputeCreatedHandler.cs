using Marketplace.Core.Disputes;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>charge.dispute.created</c>: the order becomes Disputed with the amount, reason and evidence due date.</summary>
public sealed class ChargeDisputeCreatedHandler(OrderDisputes disputes) : DisputeEventHandler(disputes, DisputeStep.Record)
{
    public override string EventType => StripeEventTypes.ChargeDisputeCreated;
}
