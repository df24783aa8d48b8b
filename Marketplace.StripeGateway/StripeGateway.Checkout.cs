using System.Globalization;
using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Customer> CreateCreatorCustomerAsync(int creatorProfileId, string email, string name, CancellationToken cancellationToken = default) =>
        client.V1.Customers.CreateAsync(new CustomerCreateOptions
        {
            Email = email,
            Name = name,
            Metadata = new Dictionary<string, string> { [StripeMetadataKeys.CreatorId] = StripeMetadataKeys.Text(creatorProfileId) },
        }, new RequestOptions { IdempotencyKey = IdempotencyKeys.Customer(creatorProfileId) }, cancellationToken);

    /// <inheritdoc />
    public Task<Session> CreateCheckoutSessionAsync(SessionCreateOptions options, string idempotencyKey, CancellationToken cancellationToken = default) =>
        client.V1.Checkout.Sessions.CreateAsync(options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Session?> FindCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        NullWhenMissing(() => client.V1.Checkout.Sessions.GetAsync(sessionId, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public async Task<IReadOnlyList<Session>> ListOpenCheckoutSessionsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        var sessions = new List<Session>();
        var options = new SessionListOptions { Customer = customerId, Status = "open", Limit = 100 };
        await foreach (var session in client.V1.Checkout.Sessions.ListAutoPagingAsync(options, cancellationToken: cancellationToken))
            sessions.Add(session);
        return sessions;
    }

    /// <inheritdoc />
    public async Task<Session> ExpireCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await client.V1.Checkout.Sessions.ExpireAsync(sessionId, null,
                new RequestOptions { IdempotencyKey = IdempotencyKeys.CheckoutSessionExpiry(sessionId) }, cancellationToken);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            var session = await client.V1.Checkout.Sessions.GetAsync(sessionId, cancellationToken: cancellationToken);
            if (session.Status == "open") throw;
            return session;
        }
    }
}
