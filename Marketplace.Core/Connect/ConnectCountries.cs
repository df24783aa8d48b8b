using Marketplace.Core.Text;

namespace Marketplace.Core.Connect;

/// <summary>
/// A country where Stripe creates Express accounts: ISO 3166-1 alpha-2 <paramref name="Code"/>, its English and French
/// names, the Stripe <paramref name="Region"/> it belongs to for destination charges, its <c>default_currency</c>
/// (lower case ISO 4217) and the currencies an account there can settle in (<paramref name="SettlementCurrencies"/>,
/// the default first).
/// </summary>
public sealed record ConnectCountry(string Code, string EnglishName, string FrenchName, string Region, string DefaultCurrency, IReadOnlyList<string> SettlementCurrencies)
{
    /// <summary>The country's name in English and French, said in the reader's language.</summary>
    public CultureName Name => new(EnglishName, FrenchName);
}

/// <summary>
/// The countries a creator can choose at onboarding, and Stripe's region rule for destination charges.
/// <para>Countries: Stripe's list of countries where Express accounts can be created
/// (https://docs.stripe.com/connect/express-accounts, "most countries Stripe supports", and
/// https://stripe.com/global). Regions: a destination charge needs the platform and the connected account in the same
/// region (https://docs.stripe.com/connect/destination-charges); Europe is the EEA, the United Kingdom, Switzerland and
/// Gibraltar; every other country is a region of its own. Settlement currencies: the account's
/// <c>default_currency</c>, and for Europe also EUR, GBP and USD
/// (https://docs.stripe.com/payouts#supported-accounts-and-settlement-currencies).</para>
/// <para>Stripe's cross-border payouts (https://docs.stripe.com/connect/cross-border-payouts: US, UK, EEA, Canada and
/// Switzerland platforms to accounts in those regions) need accounts under the <c>recipient</c> service agreement,
/// without <c>card_payments</c>; our accounts ask for <c>card_payments</c> (the full agreement), so they are not used:
/// a platform pays creators of its own region only.</para>
/// </summary>
public static class ConnectCountries
{
    /// <summary>The European region: EEA, United Kingdom, Switzerland, Gibraltar.</summary>
    public const string Europe = "Europe";

    private static readonly string[] EuropeExtra = ["eur", "gbp", "usd"];

    /// <summary>Every country a creator can choose, in English alphabetical order.</summary>
    public static readonly IReadOnlyList<ConnectCountry> All =
    [
        Other("AU", "Australia", "Australie", "aud"),
        Eu("AT", "Austria", "Autriche", "eur"),
        Eu("BE", "Belgium", "Belgique", "eur"),
        Other("BR", "Brazil", "Brésil", "brl"),
        Eu("BG", "Bulgaria", "Bulgarie", "eur"),
        Other("CA", "Canada", "Canada", "cad"),
        Eu("HR", "Croatia", "Croatie", "eur"),
        Eu("CY", "Cyprus", "Chypre", "eur"),
        Eu("CZ", "Czech Republic", "Tchéquie", "czk"),
        Eu("DK", "Denmark", "Danemark", "dkk"),
        Eu("EE", "Estonia", "Estonie", "eur"),
        Eu("FI", "Finland", "Finlande", "eur"),
        Eu("FR", "France", "France", "eur"),
        Eu("DE", "Germany", "Allemagne", "eur"),
        Eu("GI", "Gibraltar", "Gibraltar", "gbp"),
        Eu("GR", "Greece", "Grèce", "eur"),
        Other("HK", "Hong Kong", "Hong Kong", "hkd"),
        Eu("HU", "Hungary", "Hongrie", "huf"),
        Eu("IE", "Ireland", "Irlande", "eur"),
        Eu("IT", "Italy", "Italie", "eur"),
        Other("JP", "Japan", "Japon", "jpy"),
        Eu("LV", "Latvia", "Lettonie", "eur"),
        Eu("LI", "Liechtenstein", "Liechtenstein", "chf"),
        Eu("LT", "Lithuania", "Lituanie", "eur"),
        Eu("LU", "Luxembourg", "Luxembourg", "eur"),
        Other("MY", "Malaysia", "Malaisie", "myr"),
        Eu("MT", "Malta", "Malte", "eur"),
        Other("MX", "Mexico", "Mexique", "mxn"),
        Eu("NL", "Netherlands", "Pays-Bas", "eur"),
        Other("NZ", "New Zealand", "Nouvelle-Zélande", "nzd"),
        Eu("NO", "Norway", "Norvège", "nok"),
        Eu("PL", "Poland", "Pologne", "pln"),
        Eu("PT", "Portugal", "Portugal", "eur"),
        Eu("RO", "Romania", "Roumanie", "ron"),
        Other("SG", "Singapore", "Singapour", "sgd"),
        Eu("SK", "Slovakia", "Slovaquie", "eur"),
        Eu("SI", "Slovenia", "Slovénie", "eur"),
        Eu("ES", "Spain", "Espagne", "eur"),
        Eu("SE", "Sweden", "Suède", "sek"),
        Eu("CH", "Switzerland", "Suisse", "chf"),
        Other("TH", "Thailand", "Thaïlande", "thb"),
        Other("AE", "United Arab Emirates", "Émirats arabes unis", "aed"),
        Eu("GB", "United Kingdom", "Royaume-Uni", "gbp"),
        Other("US", "United States", "États-Unis", "usd"),
    ];

    /// <summary>The country of <paramref name="code"/> (any case), or null when Stripe has no Express accounts there.</summary>
    public static ConnectCountry? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : All.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True when a platform in <paramref name="platformCountry"/> can pay a creator in <paramref name="creatorCountry"/>
    /// with destination charges: both known and in the same region. False for an unknown code.
    /// </summary>
    public static bool CanPlatformPay(string platformCountry, string creatorCountry) =>
        Find(platformCountry) is { } platform && Find(creatorCountry) is { } creator && platform.Region == creator.Region;

    /// <summary>The countries a platform in <paramref name="platformCountry"/> can pay (its region), in table order.</summary>
    public static IReadOnlyList<ConnectCountry> PayableFrom(string platformCountry) =>
        [.. All.Where(c => CanPlatformPay(platformCountry, c.Code))];

    /// <summary>
    /// The currencies an account in <paramref name="country"/> settles in (lower case, its default first); for an
    /// unknown country, <paramref name="fallbackCurrency"/> alone.
    /// </summary>
    public static IReadOnlyList<string> SettlementCurrencies(string? country, string fallbackCurrency) =>
        Find(country)?.SettlementCurrencies ?? [fallbackCurrency.ToLowerInvariant()];

    private static ConnectCountry Eu(string code, string english, string french, string currency) =>
        new(code, english, french, Europe, currency, [currency, .. EuropeExtra.Where(c => c != currency)]);

    private static ConnectCountry Other(string code, string english, string french, string currency) =>
        new(code, english, french, code, currency, [currency]);
}
