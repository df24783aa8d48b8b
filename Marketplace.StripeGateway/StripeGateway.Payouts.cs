using Stripe;

namespace Marketplace.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Payout> GetPayoutAsync(string accountId, string payoutId, CancellationToken cancellationToken = default) =>
        client.V1.Payouts.GetAsync(payoutId, requestOptions: new RequestOptions { StripeAccount = accountId }, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public Task<StripeList<Payout>> ListRecentPayoutsAsync(string accountId, int limit, CancellationToken cancellationToken = default) =>
        client.V1.Payouts.ListAsync(new PayoutListOptions { Limit = limit }, new RequestOptions { StripeAccount = accountId }, cancellationToken);
}
