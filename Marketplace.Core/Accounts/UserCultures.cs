using System.Globalization;

namespace Marketplace.Core.Accounts;

/// <summary>
/// The languages the app speaks, on its pages and in its emails (<c>en</c>, <c>fr</c>). A signed-in user's choice is
/// their Identity claim of type <see cref="LocaleClaimType"/> (written by the culture switch, read by emails); a buyer
/// without an account gets the culture of their checkout (<see cref="Orders.Order.Culture"/>); otherwise
/// <c>App:DefaultCulture</c>.
/// </summary>
public static class UserCultures
{
    /// <summary>The Identity user claim holding the user's chosen culture.</summary>
    public const string LocaleClaimType = "locale";

    /// <summary>The languages of the pages and emails.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "fr"];

    /// <summary><c>en</c> or <c>fr</c> for a culture name (<c>fr-BE</c> → <c>fr</c>); null for any other.</summary>
    public static string? Normalize(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture)) return null;
        var language = culture.Split('-', '_')[0].Trim().ToLowerInvariant();
        return Supported.Contains(language) ? language : null;
    }

    /// <summary>The current UI culture as <c>en</c>/<c>fr</c>, or null when it is neither (e.g. invariant).</summary>
    public static string? Current() => Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
}
