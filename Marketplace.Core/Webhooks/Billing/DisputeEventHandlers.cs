using Marketplace.Core.Disputes;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// <c>charge.dispute.*</c> (https://docs.stripe.com/disputes/connect): the dispute named by the event is refetched and
/// applied to its order through <see cref="OrderDisputes"/> at the step the event type stands for.
/// </summary>
public abstract class DisputeEventHandler(OrderDisputes disputes, DisputeStep step) : IStripeEventHandler
{
    public abstract string EventType { get; }

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken) =>
        stripeEvent.ObjectId is null ? "event names no dispute" : await disputes.ApplyAsync(stripeEvent.ObjectId, step, cancellationToken);
}

/// <summary><c>charge.dispute.created</c>: the order becomes Disputed with the amount, reason and evidence due date.</summary>
public sealed class ChargeDisputeCreatedHandler(OrderDisputes disputes) : DisputeEventHandler(disputes, DisputeStep.Record)
{
    public override string EventType => StripeEventTypes.ChargeDisputeCreated;
}

/// <summary><c>charge.dispute.funds_withdrawn</c>: the creator's transfer is reversed for the disputed amount (unless configured off).</summary>
public sealed class ChargeDisputeFundsWithdrawnHandler(OrderDisputes disputes) : DisputeEventHandler(disputes, DisputeStep.FundsWithdrawn)
{
    public override string EventType => StripeEventTypes.ChargeDisputeFundsWithdrawn;
}

/// <summary><c>charge.dispute.closed</c>: <c>won</c> puts the order back and transfers the reversed amount back; <c>lost</c> makes it DisputeLost.</summary>
public sealed class ChargeDisputeClosedHandler(OrderDisputes disputes) : DisputeEventHandler(disputes, DisputeStep.Closed)
{
    public override string EventType => StripeEventTypes.ChargeDisputeClosed;
}
