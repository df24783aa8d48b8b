using Marketplace.Core.Subscriptions;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>customer.subscription.created</c>.</summary>
public sealed class SubscriptionCreatedHandler(StripeSubscriptionSync subscriptions) : SubscriptionEventHandler(subscriptions)
{
    public override string EventType => StripeEventTypes.CustomerSubscriptionCreated;
}
