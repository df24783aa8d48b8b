using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeGateway;

/// <summary>
/// Every call the marketplace makes to Stripe, and the only code that calls Stripe.net services. Methods return
/// Stripe.net's objects as Stripe sends them (https://docs.stripe.com/api). They throw <see cref="StripeException"/>
/// for an error Stripe answered (its <c>HttpStatusCode</c> and <c>StripeError</c> say which) and
/// <see cref="HttpRequestException"/> or <see cref="TaskCanceledException"/> when Stripe could not be reached,
/// after Stripe.net's own retries. Creates carry idempotency keys derived from our ids.
/// </summary>
public partial interface IStripeGateway
{
    /// <summary><c>GET /v1/accounts/{id}</c>: a creator's Connect account.</summary>
    Task<Account> GetAccountAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/accounts</c> for a creator with Stripe's controller properties of an Express account
    /// (<c>controller[stripe_dashboard][type]=express</c>, <c>controller[fees][payer]=application</c>,
    /// <c>controller[losses][payments]=application</c>, <c>controller[requirement_collection]=stripe</c>:
    /// https://docs.stripe.com/connect/migrate-to-controller-properties), <c>capabilities[transfers][requested]=true</c>
    /// and <c>capabilities[card_payments][requested]=true</c>, <paramref name="country"/> (ISO 3166-1 alpha-2). One per
    /// creator ever: the idempotency key is derived from <paramref name="creatorProfileId"/> and <c>metadata[creator_id]</c>
    /// records it. <paramref name="payoutSchedule"/>, when given, is sent as <c>settings[payouts][schedule]</c>.
    /// </summary>
    Task<Account> CreateExpressAccountAsync(int creatorProfileId, string email, string country, CancellationToken cancellationToken = default, PayoutScheduleSettings? payoutSchedule = null);

    /// <summary>
    /// Changes connected account <paramref name="accountId"/>'s <c>settings[payouts][schedule]</c>
    /// (<c>POST /v1/accounts/{id}</c>, https://docs.stripe.com/connect/manage-payout-schedule); returns the account.
    /// </summary>
    Task<Account> UpdatePayoutScheduleAsync(string accountId, PayoutScheduleSettings schedule, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v1/account_links</c> (<c>type=account_onboarding</c>): a one-time onboarding URL.</summary>
    Task<AccountLink> CreateOnboardingLinkAsync(string accountId, string refreshUrl, string returnUrl, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/balance</c> with <c>Stripe-Account: {accountId}</c> (https://docs.stripe.com/api/balance/balance_retrieve):
    /// the connected account's <c>available</c> and <c>pending</c> amounts per currency, minor units. Throws
    /// <see cref="StripeException"/> 403 <c>account_invalid</c> for an account that deauthorized the platform.
    /// </summary>
    Task<Balance> GetConnectBalanceAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/subscriptions/{id}</c>, items with their prices.</summary>
    Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/invoices/{id}</c>.</summary>
    Task<Invoice> GetInvoiceAsync(string invoiceId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/checkout/sessions/{id}</c>.</summary>
    Task<Session> GetCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/webhook_endpoints</c> pinned to Stripe.net's API version, <paramref name="connect"/> for events on
    /// connected accounts. The signing secret is only in this answer (<c>Secret</c>).
    /// </summary>
    Task<WebhookEndpoint> CreateWebhookEndpointAsync(string url, bool connect, IReadOnlyList<string> enabledEvents, CancellationToken cancellationToken = default);
}
