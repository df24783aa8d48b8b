using System.Globalization;
using Marketplace.Core.StripeGateway;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// <c>checkout.session.completed</c> in subscription mode: refetch the session, link its Customer and Subscription to
/// the creator named by <c>metadata.creator_id</c> (or <c>client_reference_id</c>), then apply the subscription.
/// </summary>
public sealed class CheckoutSessionCompletedHandler(IStripeGateway stripe, StripeSubscriptionSync subscriptions) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.CheckoutSessionCompleted;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no session";
        var session = await stripe.GetCheckoutSessionAsync(stripeEvent.ObjectId, cancellationToken);
        if (session.Mode != "subscription") return $"session mode is {session.Mode}";
        if (session.SubscriptionId is null) return "session has no subscription";
        var creatorId = StripeSubscriptionSync.MetadataCreatorId(session.Metadata)
            ?? (int.TryParse(session.ClientReferenceId, CultureInfo.InvariantCulture, out var id) ? id : null);
        await subscriptions.ApplyAsync(session.SubscriptionId, creatorId, stripeEvent.Created, cancellationToken);
        return null;
    }
}
