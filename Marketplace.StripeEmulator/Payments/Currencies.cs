using System.Globalization;

namespace Marketplace.StripeEmulator.Payments;

/// <summary>
/// Currency facts the emulator applies (https://docs.stripe.com/currencies): amounts are integers in the currency's
/// minor unit, except zero-decimal currencies (JPY, XAF, …) whose amounts are whole units; Stripe's minimum charge
/// amount per currency; at most 8 digits of minor units.
/// </summary>
internal static class Currencies
{
    /// <summary>Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal).</summary>
    private static readonly HashSet<string> ZeroDecimal =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    /// <summary>
    /// Minimum charge amounts in minor units, from https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts.
    /// XAF and XOF are not in Stripe's table: 0.50 EUR at the fixed rate of 655.957, rounded up (328).
    /// A currency missing here only needs a positive amount (Stripe would convert 0.50 USD into it).
    /// </summary>
    private static readonly Dictionary<string, long> Minimums = new()
    {
        ["usd"] = 50, ["aed"] = 200, ["aud"] = 50, ["bgn"] = 100, ["brl"] = 50, ["cad"] = 50, ["chf"] = 50,
        ["czk"] = 1500, ["dkk"] = 250, ["eur"] = 50, ["gbp"] = 30, ["hkd"] = 400, ["huf"] = 17500, ["inr"] = 50,
        ["jpy"] = 50, ["mxn"] = 1000, ["myr"] = 200, ["nok"] = 300, ["nzd"] = 50, ["pln"] = 200, ["ron"] = 200,
        ["sek"] = 300, ["sgd"] = 50, ["thb"] = 1000, ["xaf"] = 328, ["xof"] = 328,
    };

    /// <summary>Largest amount Stripe accepts: 8 digits of minor units.</summary>
    public const long MaximumAmount = 99_999_999;

    public static bool IsZeroDecimal(string currency) => ZeroDecimal.Contains(currency.ToLowerInvariant());

    /// <summary>The currency's minimum charge in minor units (1 when Stripe's table does not list it).</summary>
    public static long Minimum(string currency) => Minimums.GetValueOrDefault(currency.ToLowerInvariant(), 1);

    /// <summary>An amount in minor units shown as Stripe writes it in messages: <c>0.50 eur</c>, <c>328 xaf</c>.</summary>
    public static string Format(long minor, string currency) => IsZeroDecimal(currency)
        ? string.Create(CultureInfo.InvariantCulture, $"{minor} {currency.ToLowerInvariant()}")
        : string.Create(CultureInfo.InvariantCulture, $"{minor / 100m:0.00} {currency.ToLowerInvariant()}");
}
