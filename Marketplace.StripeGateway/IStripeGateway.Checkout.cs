using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeGateway;

/// <summary>Customers and Checkout Sessions (https://docs.stripe.com/api/customers, /api/checkout/sessions).</summary>
public partial interface IStripeGateway
{
    /// <summary><c>POST /v1/customers</c> for a creator, one ever: idempotency key and <c>metadata[creator_id]</c> from the creator id.</summary>
    Task<Customer> CreateCreatorCustomerAsync(int creatorProfileId, string email, string name, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/checkout/sessions</c> on the platform account, with <paramref name="idempotencyKey"/>.</summary>
    Task<Session> CreateCheckoutSessionAsync(SessionCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/checkout/sessions/{id}</c>; null when Stripe answers 404 (an unknown or forged id).</summary>
    Task<Session?> FindCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/checkout/sessions?customer={id}&amp;status=open</c>, every page: the Customer's Checkout Sessions that
    /// can still be paid (https://docs.stripe.com/api/checkout/sessions/list).
    /// </summary>
    Task<IReadOnlyList<Session>> ListOpenCheckoutSessionsAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/checkout/sessions/{id}/expire</c> (https://docs.stripe.com/api/checkout/sessions/expire): its page can
    /// no longer be paid. A session that is no longer open (Stripe answers 400: it completed or expired meanwhile) is
    /// returned as Stripe holds it, so the caller sees <c>status</c> <c>complete</c> or <c>expired</c>.
    /// </summary>
    Task<Session> ExpireCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken = default);
}
