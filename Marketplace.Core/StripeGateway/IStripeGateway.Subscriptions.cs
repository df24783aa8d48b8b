using Stripe;

namespace Marketplace.Core.StripeGateway;

/// <summary>
/// Changes to a creator's own subscription and the Billing Portal
/// (https://docs.stripe.com/api/subscriptions/update, https://docs.stripe.com/api/customer_portal/sessions/create).
/// </summary>
public partial interface IStripeGateway
{
    /// <summary>
    /// <c>POST /v1/subscriptions/{id}</c> with <paramref name="idempotencyKey"/>: <c>cancel_at_period_end</c>, an item's
    /// <c>price</c> with <c>proration_behavior</c>, … Returns the subscription as Stripe holds it after the update.
    /// Throws <see cref="StripeException"/> with <c>card_declined</c> (402) when an <c>error_if_incomplete</c> update
    /// could not be paid: nothing changed then.
    /// </summary>
    Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, SubscriptionUpdateOptions options, string idempotencyKey,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/billing_portal/sessions</c> for Customer <paramref name="customerId"/> (<c>cus_…</c>), coming back to
    /// <paramref name="returnUrl"/> (absolute). The session's <c>url</c> is short-lived: redirect to it at once.
    /// </summary>
    Task<Stripe.BillingPortal.Session> CreateBillingPortalSessionAsync(string customerId, string returnUrl, string idempotencyKey,
        CancellationToken cancellationToken = default);
}
