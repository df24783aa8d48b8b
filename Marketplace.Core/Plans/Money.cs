using System.Globalization;

namespace Marketplace.Core.Plans;

/// <summary>
/// Minor-unit arithmetic for Stripe amounts (https://docs.stripe.com/currencies#zero-decimal): most currencies have
/// two decimals (1900 = 19.00 EUR), zero-decimal ones none (5000 = 5,000 XAF), a few three.
/// </summary>
public static class Money
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf",
    };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase) { "bhd", "jod", "kwd", "omr", "tnd" };

    /// <summary>Digits after the decimal point in Stripe amounts of <paramref name="currency"/> (ISO 4217, any case).</summary>
    public static int DecimalDigits(string currency) =>
        ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    /// <summary>True for Stripe's zero-decimal currencies (XAF, XOF, JPY, KRW, …): never multiply by 100.</summary>
    public static bool IsZeroDecimal(string currency) => ZeroDecimal.Contains(currency);

    /// <summary>Converts a major amount (19.99 EUR, 5000 XAF) to Stripe minor units.</summary>
    /// <exception cref="ArgumentException">The amount has more decimals than the currency allows.</exception>
    public static long ToMinor(decimal major, string currency)
    {
        var scaled = major * Pow10(DecimalDigits(currency));
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentException($"{major} has too many decimals for {currency.ToUpperInvariant()}.", nameof(major));
        return (long)scaled;
    }

    /// <summary>Converts Stripe minor units to a major amount.</summary>
    public static decimal ToMajor(long minor, string currency) => minor / Pow10(DecimalDigits(currency));

    /// <summary>Formats for people, culture-independent: <c>19.00 EUR</c>, <c>5,000 XAF</c>.</summary>
    public static string Format(long minor, string currency)
    {
        var digits = DecimalDigits(currency);
        return ToMajor(minor, currency).ToString("N" + digits, CultureInfo.InvariantCulture) + " " + currency.ToUpperInvariant();
    }

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
