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
