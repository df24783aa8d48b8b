using Marketplace.Core.Subscriptions;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>customer.subscription.deleted</c>: the refetched subscription is canceled, so the creator goes back to Free.</summary>
public sealed class SubscriptionDeletedHandler(StripeSubscriptionSync subscriptions) : SubscriptionEventHandler(subscriptions)
{
    public override string EventType => StripeEventTypes.CustomerSubscriptionDeleted;
}
