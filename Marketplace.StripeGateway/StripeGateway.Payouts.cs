using Stripe;

namespace Marketplace.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Payout> GetPayoutAsync(string accountId, string payoutId, CancellationToken cancellationToken = default) =>
        client.V1.Payouts.GetAsync(payoutId, requestOptions: new RequestOptions { StripeAccount = accountId }, cancellationToken: cancellationToken);
}
