using Stripe;

namespace Marketplace.StripeGateway;

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
    /// <paramref name="returnUrl"/> (absolute), in <paramref name="locale"/> (Stripe's portal locales or <c>auto</c>). The
    /// session's <c>url</c> is short-lived: redirect to it at once.
    /// </summary>
    Task<Stripe.BillingPortal.Session> CreateBillingPortalSessionAsync(string customerId, string returnUrl, string locale, string idempotencyKey,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/subscriptions?customer={id}</c>, every page: the Customer's subscriptions that are not canceled
    /// (Stripe's default filter; https://docs.stripe.com/api/subscriptions/list).
    /// </summary>
    Task<IReadOnlyList<Subscription>> ListCustomerSubscriptionsAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>DELETE /v1/subscriptions/{id}</c> with <c>invoice_now=false</c> and <c>prorate=false</c>
    /// (https://docs.stripe.com/api/subscriptions/cancel): canceled at once, no further invoice. <paramref name="comment"/>
    /// goes to <c>cancellation_details.comment</c>. A subscription already canceled is returned as Stripe holds it.
    /// </summary>
    Task<Subscription> CancelSubscriptionNowAsync(string subscriptionId, string comment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refunds in full the paid payment of invoice <paramref name="invoiceId"/> (<c>GET /v1/invoice_payments?invoice=…</c>,
    /// then <c>POST /v1/refunds</c> of its PaymentIntent; https://docs.stripe.com/api/invoice-payment/list,
    /// https://docs.stripe.com/api/refunds/create) with <paramref name="idempotencyKey"/>. Returns the refund, or null
    /// when Stripe holds no paid PaymentIntent for the invoice (a zero or trial invoice).
    /// </summary>
    Task<Refund?> RefundInvoicePaymentAsync(string invoiceId, string idempotencyKey, CancellationToken cancellationToken = default);
}
