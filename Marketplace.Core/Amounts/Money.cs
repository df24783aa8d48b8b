using System.Globalization;

namespace Marketplace.Core.Amounts;

/// <summary>
/// An amount of money as Stripe holds it: <see cref="AmountMinor"/> in the currency's minor units (cents; whole yen and
/// francs CFA) and <see cref="Currency"/>, the lower-case ISO 4217 code. The static members are the minor-unit
/// arithmetic (https://docs.stripe.com/currencies#zero-decimal: most currencies have two decimals, 1900 = 19.00 EUR;
/// zero-decimal ones none, 5000 = 5 000 XAF; a few three) and the one formatter for people (<see cref="Format(long, string)"/>).
/// </summary>
public sealed record Money(string Currency, long AmountMinor)
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

    /// <summary>Formats for people in the current UI culture (the page's language): see <see cref="Format(long, string, CultureInfo)"/>.</summary>
    public static string Format(long minor, string currency) => Format(minor, currency, CultureInfo.CurrentUICulture);

    /// <summary>
    /// Formats for people in <paramref name="culture"/>'s language, French or English (any other culture formats as
    /// English), with the currency's own decimals: <c>€9.00</c>, <c>$9.00</c>, <c>¥1,500</c>, <c>FCFA 5,000</c> in
    /// English; <c>9,00 €</c>, <c>9,00 $US</c>, <c>1 500 JPY</c>, <c>5 000 FCFA</c> in French (CLDR's symbols and
    /// patterns; French groups digits with a no-break space U+00A0 and puts one before the symbol).
    /// </summary>
    public static string Format(long minor, string currency, CultureInfo culture)
    {
        var french = culture.TwoLetterISOLanguageName == "fr";
        var symbol = CurrencySymbols.Of(currency, french);
        var number = ToMajor(minor, currency).ToString("N" + DecimalDigits(currency), french ? French : English);
        if (french) return number + "\u00A0" + symbol;
        var sign = number.StartsWith('-') ? "-" : "";
        var digits = sign.Length == 0 ? number : number[1..];
        return sign + symbol + (char.IsLetter(symbol[^1]) ? "\u00A0" : "") + digits;
    }

    /// <summary>This amount formatted in the current UI culture, as <see cref="Format(long, string)"/>.</summary>
    public override string ToString() => Format(AmountMinor, Currency);

    private static readonly NumberFormatInfo English = CultureInfo.GetCultureInfo("en").NumberFormat;

    private static readonly NumberFormatInfo French = new()
    {
        NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00A0", NegativeSign = "-",
    };

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 3 => 1000m, _ => 100m };
}
