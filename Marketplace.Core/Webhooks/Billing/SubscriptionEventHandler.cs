using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// Base of the <c>customer.subscription.*</c> handlers: refetch the subscription and apply it. Its status decides
/// the outcome, so created, updated and deleted in any order end in Stripe's state.
/// </summary>
public abstract class SubscriptionEventHandler(StripeSubscriptionSync subscriptions) : IStripeEventHandler
{
    public abstract string EventType { get; }

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no subscription";
        await subscriptions.ApplyAsync(stripeEvent.ObjectId, null, stripeEvent.Created, cancellationToken);
        return null;
    }
}
