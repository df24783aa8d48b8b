namespace Marketplace.Core.Orders;

/// <summary>
/// The <c>locale</c> of a Checkout Session from the buyer's preferred languages
/// (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-locale).
/// </summary>
public static class CheckoutLocales
{
    private static readonly string[] Supported =
    [
        "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi", "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko",
        "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt", "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW",
    ];

    /// <summary>
    /// The first of <paramref name="preferred"/> (language tags, best first, e.g. from <c>Accept-Language</c>) that
    /// Checkout supports, exactly (<c>fr-CA</c>) or by its language (<c>fr-BE</c> → <c>fr</c>); <c>auto</c> when none is.
    /// </summary>
    public static string Pick(IEnumerable<string> preferred)
    {
        foreach (var tag in preferred)
        {
            var exact = Supported.FirstOrDefault(s => string.Equals(s, tag, StringComparison.OrdinalIgnoreCase));
            if (exact is not null) return exact;
            var language = tag.Split('-')[0];
            var byLanguage = Supported.FirstOrDefault(s => string.Equals(s, language, StringComparison.OrdinalIgnoreCase));
            if (byLanguage is not null) return byLanguage;
        }

        return "auto";
    }

    /// <summary>
    /// The locale of the page's language for a Checkout or Billing Portal session: <c>fr</c> or <c>en</c> for the app's UI
    /// cultures (<paramref name="uiCulture"/>, e.g. <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>), <c>auto</c>
    /// for the invariant culture (a job, no request), as Stripe's <c>locale</c> parameter allows
    /// (https://docs.stripe.com/api/customer_portal/sessions/create#create_portal_session-locale).
    /// </summary>
    public static string ForUiCulture(System.Globalization.CultureInfo uiCulture) =>
        uiCulture.Name.Length == 0 ? "auto" : Pick([uiCulture.Name]);
}
