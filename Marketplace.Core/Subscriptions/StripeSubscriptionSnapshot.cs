namespace Marketplace.Core.Subscriptions;

/// <summary>
/// The fields of a Stripe Subscription (https://docs.stripe.com/api/subscriptions/object) the marketplace keeps,
/// read from a fresh retrieve. Times are UTC; the period comes from the first subscription item (API 2025-03-31+).
/// </summary>
public sealed record StripeSubscriptionSnapshot(
    string Id,
    string CustomerId,
    SubscriptionStatus Status,
    DateTime? CurrentPeriodStart,
    DateTime? CurrentPeriodEnd,
    bool CancelAtPeriodEnd,
    DateTime? TrialEnd)
{
    /// <summary>True for statuses that end a subscription for good: canceled, incomplete_expired.</summary>
    public bool IsTerminal => Status is SubscriptionStatus.Canceled or SubscriptionStatus.IncompleteExpired;

    /// <summary>Maps Stripe's <c>status</c> string.</summary>
    /// <exception cref="ArgumentException">A status Stripe does not document.</exception>
    public static SubscriptionStatus ParseStatus(string status) => status switch
    {
        "active" => SubscriptionStatus.Active,
        "trialing" => SubscriptionStatus.Trialing,
        "past_due" => SubscriptionStatus.PastDue,
        "unpaid" => SubscriptionStatus.Unpaid,
        "canceled" => SubscriptionStatus.Canceled,
        "incomplete" => SubscriptionStatus.Incomplete,
        "incomplete_expired" => SubscriptionStatus.IncompleteExpired,
        "paused" => SubscriptionStatus.Paused,
        _ => throw new ArgumentException($"Unknown Stripe subscription status '{status}'.", nameof(status)),
    };
}
