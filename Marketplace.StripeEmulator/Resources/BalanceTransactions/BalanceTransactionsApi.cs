using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Payments;

namespace Marketplace.StripeEmulator.Resources.BalanceTransactions;

/// <summary>
/// Balance transactions (https://docs.stripe.com/api/balance_transactions): retrieve and list (<c>type</c>, <c>source</c>,
/// <c>currency</c>), on the platform or, with <c>Stripe-Account</c>, on that connected account. See <see cref="Ledger"/>.
/// </summary>
internal static class BalanceTransactionsApi
{
    public static void Map(IEndpointRouteBuilder r) =>
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/balance_transactions", Ledger.ObjectType, "type", "source", "currency");
}
