using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Payments;

namespace Marketplace.StripeEmulator.Resources.Balance;

/// <summary>
/// <c>GET /v1/balance</c> (https://docs.stripe.com/api/balance/balance_retrieve): the platform's balance, or with
/// <c>Stripe-Account</c> that connected account's, as <c>available</c> and <c>pending</c> amounts (minor units) per currency.
/// </summary>
internal static class BalanceApi
{
    public static void Map(IEndpointRouteBuilder r) => r.MapStripe("GET", "/v1/balance", ctx =>
    {
        ctx.Params.RejectUnknown();
        var currency = ctx.Account is null ? "usd" : ctx.State.Find(ctx.Account)?.Str("default_currency") ?? "usd";
        return Ledger.Balance(ctx.State, ctx.Account, currency);
    });
}
