namespace Marketplace.Core.Subscriptions;

/// <summary>
/// A creator subscription's status, Stripe's subscription <c>status</c>
/// (https://docs.stripe.com/api/subscriptions/object#subscription_object-status). The Free plan is <see cref="Active"/>.
/// </summary>
public enum SubscriptionStatus
{
    Active,
    Trialing,
    PastDue,
    Unpaid,
    Canceled,
    Incomplete,
    IncompleteExpired,
    Paused,
}
