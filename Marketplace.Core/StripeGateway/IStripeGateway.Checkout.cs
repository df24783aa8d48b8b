using Stripe;
using Stripe.Checkout;

namespace Marketplace.Core.StripeGateway;

/// <summary>Customers and Checkout Sessions (https://docs.stripe.com/api/customers, /api/checkout/sessions).</summary>
public partial interface IStripeGateway
{
    /// <summary><c>POST /v1/customers</c> for a creator, one ever: idempotency key and <c>metadata[creator_id]</c> from the creator id.</summary>
    Task<Customer> CreateCreatorCustomerAsync(int creatorProfileId, string email, string name, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/checkout/sessions</c> on the platform account, with <paramref name="idempotencyKey"/>.</summary>
    Task<Session> CreateCheckoutSessionAsync(SessionCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/checkout/sessions/{id}</c>; null when Stripe answers 404 (an unknown or forged id).</summary>
    Task<Session?> FindCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken = default);
}
