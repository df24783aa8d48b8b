using Stripe;

namespace Marketplace.Core.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, SubscriptionUpdateOptions options, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.V1.Subscriptions.UpdateAsync(subscriptionId, options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Stripe.BillingPortal.Session> CreateBillingPortalSessionAsync(string customerId, string returnUrl, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.V1.BillingPortal.Sessions.CreateAsync(new Stripe.BillingPortal.SessionCreateOptions
        {
            Customer = customerId,
            ReturnUrl = returnUrl,
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
}
