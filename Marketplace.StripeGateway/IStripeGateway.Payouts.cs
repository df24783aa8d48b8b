using Stripe;

namespace Marketplace.StripeGateway;

/// <summary>Payouts of a creator's Connect account to their bank (https://docs.stripe.com/connect/payouts-connected-accounts).</summary>
public partial interface IStripeGateway
{
    /// <summary>
    /// <c>GET /v1/payouts/{id}</c> with <c>Stripe-Account: {accountId}</c> (https://docs.stripe.com/api/payouts/retrieve):
    /// the payout as Stripe holds it now (amount in minor units, <c>arrival_date</c>, <c>status</c>, <c>failure_code</c>).
    /// Throws <see cref="StripeException"/> 404 <c>resource_missing</c> for a payout the account does not hold, 403
    /// <c>account_invalid</c> for an account the platform cannot reach.
    /// </summary>
    Task<Payout> GetPayoutAsync(string accountId, string payoutId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/payouts?limit={limit}</c> with <c>Stripe-Account: {accountId}</c> (https://docs.stripe.com/api/payouts/list):
    /// the account's most recent payouts, newest first (<c>created</c> descending), at most <paramref name="limit"/>
    /// (1–100); each with <c>amount</c> (minor units), <c>currency</c>, <c>arrival_date</c> and <c>status</c>
    /// (<c>pending</c>, <c>in_transit</c>, <c>paid</c>, <c>failed</c>, <c>canceled</c>). Throws <see cref="StripeException"/>
    /// 403 <c>account_invalid</c> for an account the platform cannot reach.
    /// </summary>
    Task<StripeList<Payout>> ListRecentPayoutsAsync(string accountId, int limit, CancellationToken cancellationToken = default);
}
