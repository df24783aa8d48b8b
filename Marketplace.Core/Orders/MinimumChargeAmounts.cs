using Microsoft.Extensions.Options;

namespace Marketplace.Core.Orders;

/// <summary>
/// Stripe's minimum charge amount per currency, in minor units: a listing's price must reach it or Stripe refuses the
/// charge with <c>amount_too_small</c>. The table is Stripe's "Minimum and maximum charge amounts"
/// (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts, read 2026-12-01): "$0.50 US or equivalent",
/// checked by Stripe after conversion to the settlement currency. Currencies the table lacks (XAF, XOF, …) take
/// <see cref="OrderOptions.MinimumChargeAmounts"/>; a currency in neither has no minimum of ours (Stripe still decides).
/// </summary>
public sealed class MinimumChargeAmounts(IOptions<OrderOptions> options)
{
    /// <summary>Stripe's published table, minor units, lower-case ISO codes.</summary>
    public static IReadOnlyDictionary<string, long> StripeTable { get; } = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = 50, ["aed"] = 200, ["aud"] = 50, ["bgn"] = 100, ["brl"] = 50, ["cad"] = 50, ["chf"] = 50, ["czk"] = 1500,
        ["dkk"] = 250, ["eur"] = 50, ["gbp"] = 30, ["hkd"] = 400, ["huf"] = 17500, ["inr"] = 50, ["jpy"] = 50, ["mxn"] = 1000,
        ["myr"] = 200, ["nok"] = 300, ["nzd"] = 50, ["pln"] = 200, ["ron"] = 200, ["sek"] = 300, ["sgd"] = 50, ["thb"] = 1000,
    };

    /// <summary>The minimum for <paramref name="currency"/> (any case), minor units; null when neither the table nor the configuration has one.</summary>
    public long? For(string currency)
    {
        if (StripeTable.TryGetValue(currency, out var minimum)) return minimum;
        return options.Value.MinimumChargeAmounts.TryGetValue(currency.ToLowerInvariant(), out var configured) ? configured : null;
    }
}
