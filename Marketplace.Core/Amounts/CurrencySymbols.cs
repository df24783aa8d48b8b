namespace Marketplace.Core.Amounts;

/// <summary>
/// Currency symbols as CLDR gives them for English and French (the cultures of the app), for the currencies creators
/// price in; any other currency shows its upper-case ISO 4217 code.
/// </summary>
internal static class CurrencySymbols
{
    private static readonly Dictionary<string, (string En, string Fr)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eur"] = ("€", "€"),
        ["usd"] = ("$", "$US"),
        ["gbp"] = ("£", "£GB"),
        ["jpy"] = ("¥", "JPY"),
        ["cad"] = ("CA$", "$CA"),
        ["chf"] = ("CHF", "CHF"),
        ["xaf"] = ("FCFA", "FCFA"),
        ["xof"] = ("F\u00A0CFA", "F\u00A0CFA"),
    };

    /// <summary>The symbol of <paramref name="currency"/> (ISO 4217, any case) in French or English.</summary>
    public static string Of(string currency, bool french) =>
        Known.TryGetValue(currency, out var symbols) ? (french ? symbols.Fr : symbols.En) : currency.ToUpperInvariant();
}
