using System.Globalization;
using Marketplace.Core.Plans;
using Marketplace.Core.Text;

namespace Marketplace.Core.Amounts;

/// <summary>
/// The one parser of amounts people type (the admin's plan form, the listing form, <c>POST /api/listings</c>): major units
/// as text in the request's culture, to Stripe minor units. Strict on purpose: ASCII digits and at most one decimal
/// separator of <c>culture</c> (<c>19.99</c> in English, <c>19,99</c> in French or German); no thousands separators (in
/// English <c>12,50</c> would be 1,250), no exponent (<c>5e2</c>), no sign, no currency symbol. The currency must be one
/// Stripe supports (<see cref="StripeCurrencies"/>), the decimals at most the currency's (<see cref="Money.DecimalDigits"/>:
/// none for XAF or JPY), the amount above zero and at most <see cref="StripeCurrencies.MaxAmountMinor"/>. Never throws.
/// </summary>
public static class AmountParser
{
    /// <summary>
    /// Reads <paramref name="text"/> (e.g. <c>19.99</c>) as minor units of <paramref name="currency"/> (e.g. <c>eur</c>, any
    /// case): 1999. Returns the minor units, or the message to show next to the field.
    /// </summary>
    public static AmountResult Parse(string? text, string? currency, CultureInfo culture)
    {
        var code = (currency ?? "").Trim().ToLowerInvariant();
        if (!StripeCurrencies.IsSupported(code))
            return AmountResult.Invalid(CoreMessage.Of("“{0}” is not a currency Stripe charges in: use an ISO 4217 code such as EUR, USD or XAF.", Shown(currency)));
        var digits = Money.DecimalDigits(code);
        var upper = code.ToUpperInvariant();
        var separator = culture.NumberFormat.NumberDecimalSeparator;
        var value = (text ?? "").Trim();
        if (value.Length == 0) return AmountResult.Invalid("Enter an amount.");

        var point = value.IndexOf(separator, StringComparison.Ordinal);
        var whole = point < 0 ? value : value[..point];
        var fraction = point < 0 ? "" : value[(point + separator.Length)..];
        if (!AllDigits(whole) || whole.Length == 0 || (point >= 0 && (fraction.Length == 0 || !AllDigits(fraction))))
            return AmountResult.Invalid(digits == 0
                ? CoreMessage.Of("Enter a whole number of {0}, digits only (e.g. 5000).", upper)
                : CoreMessage.Of("Enter digits with “{0}” for the decimals and no thousands separator (e.g. 19{0}99).", separator));
        if (fraction.Length > digits)
            return AmountResult.Invalid(digits == 0 ? CoreMessage.Of("{0} has no decimals: enter a whole amount.", upper) : CoreMessage.Of("{0} has at most {1} decimals.", upper, digits));

        var significant = (whole.TrimStart('0') + fraction.PadRight(digits, '0')).TrimStart('0');
        var tooLarge = CoreMessage.Of("At most {0}: Stripe's maximum charge amount.", new CoreMoney(StripeCurrencies.MaxAmountMinor, code));
        if (significant.Length > StripeCurrencies.MaxAmountMinor.ToString(CultureInfo.InvariantCulture).Length) return AmountResult.Invalid(tooLarge);
        var minor = significant.Length == 0 ? 0 : long.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture);
        if (minor == 0) return AmountResult.Invalid("The amount must be more than zero.");
        if (minor > StripeCurrencies.MaxAmountMinor) return AmountResult.Invalid(tooLarge);
        if (digits == 3 && minor % 10 != 0) return AmountResult.Invalid(CoreMessage.Of("Stripe charges {0} in multiples of 0.010: the last decimal must be 0.", upper));
        return AmountResult.Valid(minor);
    }

    private static bool AllDigits(string text) => text.All(char.IsAsciiDigit);

    private static string Shown(string? currency) => (currency ?? "").Trim() is { Length: > 8 } longer ? longer[..8] + "…" : (currency ?? "").Trim();
}

/// <summary>An amount in minor units (<see cref="Minor"/>), or why the text was refused (<see cref="Error"/>).</summary>
public sealed record AmountResult(long? Minor, CoreMessage? Error)
{
    /// <summary>True when <see cref="Minor"/> holds the amount.</summary>
    public bool IsValid => Minor is not null;

    public static AmountResult Valid(long minor) => new(minor, null);

    public static AmountResult Invalid(CoreMessage error) => new(null, error);
}
