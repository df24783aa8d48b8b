namespace Marketplace.StripeEmulator.Resources.Accounts;

/// <summary>
/// Stripe's regions for destination charges: "destination charges are only supported if both your platform and the
/// connected account are in the same region" unless the charge settles on the account with <c>on_behalf_of</c>
/// (https://docs.stripe.com/connect/destination-charges). Europe is the EEA, the United Kingdom, Switzerland and
/// Gibraltar; any other country is a region of its own. Also each country's <c>default_currency</c>
/// (https://docs.stripe.com/api/accounts/object#account_object-default_currency).
/// </summary>
internal static class ConnectRegions
{
    private static readonly HashSet<string> Europe =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
        "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB", "CH", "GI",
    ];

    /// <summary>The region of <paramref name="country"/> (ISO 3166-1 alpha-2): <c>Europe</c> or the country itself.</summary>
    public static string Of(string country) => Europe.Contains(country.ToUpperInvariant()) ? "Europe" : country.ToUpperInvariant();

    /// <summary>True when a platform in <paramref name="platformCountry"/> can send a destination charge to an account in <paramref name="accountCountry"/>.</summary>
    public static bool SameRegion(string platformCountry, string accountCountry) => Of(platformCountry) == Of(accountCountry);

    /// <summary>The <c>default_currency</c> Stripe gives a new account in <paramref name="country"/> (lower case).</summary>
    public static string DefaultCurrency(string country) => country.ToUpperInvariant() switch
    {
        "US" => "usd", "GB" or "GI" => "gbp", "CA" => "cad", "AU" => "aud", "JP" => "jpy", "CH" or "LI" => "chf",
        "DK" => "dkk", "SE" => "sek", "NO" => "nok", "PL" => "pln", "CZ" => "czk", "HU" => "huf", "RO" => "ron", "IS" => "isk",
        "BR" => "brl", "MX" => "mxn", "HK" => "hkd", "SG" => "sgd", "NZ" => "nzd", "MY" => "myr", "TH" => "thb", "AE" => "aed",
        var c when Europe.Contains(c) => "eur",
        _ => "usd",
    };
}
