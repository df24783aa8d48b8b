using System.Globalization;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.Core.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Customer> CreateCreatorCustomerAsync(int creatorProfileId, string email, string name, CancellationToken cancellationToken = default) =>
        client.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Email = email,
            Name = name,
            Metadata = new Dictionary<string, string> { ["creator_id"] = creatorProfileId.ToString(CultureInfo.InvariantCulture) },
        }, new RequestOptions { IdempotencyKey = IdempotencyKeys.Customer(creatorProfileId) }, cancellationToken);

    /// <inheritdoc />
    public Task<Session> CreateCheckoutSessionAsync(SessionCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        client.V1.Checkout.Sessions.CreateAsync(options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Session?> FindCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        NullWhenMissing(() => client.V1.Checkout.Sessions.GetAsync(sessionId, cancellationToken: cancellationToken));
}
