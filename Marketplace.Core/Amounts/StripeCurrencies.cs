namespace Marketplace.Core.Amounts;

/// <summary>
/// The currencies Stripe charges in and its maximum charge amount. The list is Stripe's "Supported presentment
/// currencies" (https://docs.stripe.com/currencies#presentment-currencies), ISO 4217 codes in lower case as Stripe's API
/// wants them; the page renders its list by script, so this copy was typed from it by hand (2026-12) and a currency
/// Stripe adds must be added here. The maximum is "amount value supports up to eight digits"
/// (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts): 99,999,999 minor units in every currency.
/// </summary>
public static class StripeCurrencies
{
    /// <summary>Stripe's maximum charge amount, minor units (999,999.99 EUR, 99,999,999 XAF).</summary>
    public const long MaxAmountMinor = 99_999_999;

    /// <summary>Stripe's presentment currencies, ISO 4217, lower case.</summary>
    public static IReadOnlySet<string> Supported { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt", "bgn", "bhd", "bif",
        "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf", "chf", "clp", "cny", "cop", "crc", "cve", "czk",
        "djf", "dkk", "dop", "dzd", "egp", "etb", "eur", "fjd", "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd",
        "hnl", "htg", "huf", "idr", "ils", "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf", "krw", "kwd", "kyd",
        "kzt", "lak", "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk", "mnt", "mop", "mur", "mvr", "mwk", "mxn",
        "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "omr", "pab", "pen", "pgk", "php", "pkr", "pln", "pyg", "qar",
        "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp", "sle", "sos", "srd", "std", "szl", "thb", "tjs",
        "tnd", "top", "try", "ttd", "twd", "tzs", "uah", "ugx", "uyu", "uzs", "vnd", "vuv", "wst", "xaf", "xcd", "xof", "xpf",
        "yer", "zar", "zmw",
    };

    /// <summary>True when Stripe charges in <paramref name="currency"/> (ISO 4217, any case, surrounding spaces ignored).</summary>
    public static bool IsSupported(string? currency) => currency is not null && Supported.Contains(currency.Trim().ToLowerInvariant());
}
