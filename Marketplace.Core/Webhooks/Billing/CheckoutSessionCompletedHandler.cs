using System.Globalization;
using Marketplace.Core.Orders;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// <c>checkout.session.completed</c>. In payment mode (a buyer's order) the session is applied to its order through
/// <see cref="OrderFulfilment"/> (refetched with its charge; Paid once). In subscription mode: refetch the session,
/// link its Customer and Subscription to the creator named by <c>metadata.creator_id</c> (or
/// <c>client_reference_id</c>), then apply the subscription. The mode of a session never changes, so the payload's
/// <c>mode</c> may route the event before anything is fetched.
/// </summary>
public sealed class CheckoutSessionCompletedHandler(IStripeGateway stripe, StripeSubscriptionSync subscriptions, OrderFulfilment orders) : IStripeEventHandler
{
    public string EventType => StripeEventTypes.CheckoutSessionCompleted;

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no session";
        if (StripeEventEnvelope.DataObjectText(payload, "mode") == "payment")
            return await OrderSessionEvents.ApplyAsync(orders, stripeEvent.ObjectId, cancellationToken);
        var session = await stripe.GetCheckoutSessionAsync(stripeEvent.ObjectId, cancellationToken);
        if (session.Mode == "payment") return await OrderSessionEvents.ApplyAsync(orders, session.Id, cancellationToken);
        if (session.Mode != "subscription") return $"session mode is {session.Mode}";
        if (session.SubscriptionId is null) return "session has no subscription";
        var creatorId = StripeMetadataKeys.ReadCreatorId(session.Metadata)
            ?? (int.TryParse(session.ClientReferenceId, CultureInfo.InvariantCulture, out var id) ? id : null);
        await subscriptions.ApplyAsync(session.SubscriptionId, creatorId, stripeEvent.Created, cancellationToken);
        return null;
    }
}
