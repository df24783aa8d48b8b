using Marketplace.Core.Subscriptions;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>customer.subscription.updated</c>: status, price, period, <c>cancel_at_period_end</c>, trial end.</summary>
public sealed class SubscriptionUpdatedHandler(StripeSubscriptionSync subscriptions) : SubscriptionEventHandler(subscriptions)
{
    public override string EventType => StripeEventTypes.CustomerSubscriptionUpdated;
}
