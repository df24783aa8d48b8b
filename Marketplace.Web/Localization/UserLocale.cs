using Marketplace.Core.Accounts;
using System.Security.Claims;
using Marketplace.Web.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Marketplace.Web.Localization;

/// <summary>
/// A signed-in user's language: the Identity user claim <see cref="UserCultures.LocaleClaimType"/> (<c>fr</c> or <c>en</c>), which emails
/// are written in, mirrored in ASP.NET Core's culture cookie (<see cref="CookieRequestCultureProvider.DefaultCookieName"/>)
/// which the pages follow.
/// </summary>
public static class UserLocale
{
    /// <summary>Stores <paramref name="culture"/> (one of <see cref="RequestCultures.UiCultures"/>) on <paramref name="user"/>, replacing a previous choice.</summary>
    /// <exception cref="InvalidOperationException">Identity refused to store the claim.</exception>
    public static async Task SaveAsync(UserManager<IdentityUser> users, IdentityUser user, string culture)
    {
        var claims = await users.GetClaimsAsync(user);
        var current = claims.FirstOrDefault(c => c.Type == UserCultures.LocaleClaimType);
        if (current?.Value == culture) return;
        var claim = new Claim(UserCultures.LocaleClaimType, culture);
        var result = current is null ? await users.AddClaimAsync(user, claim) : await users.ReplaceClaimAsync(user, current, claim);
        if (!result.Succeeded) throw new InvalidOperationException("The locale claim was not stored: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>The language stored on <paramref name="user"/>, or null when they never chose one.</summary>
    public static async Task<string?> FindAsync(UserManager<IdentityUser> users, IdentityUser user) =>
        RequestCultures.UiCultureOf((await users.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == UserCultures.LocaleClaimType)?.Value);

    /// <summary>Sets the culture cookie to <paramref name="culture"/> (culture and UI culture; a year from the app's <see cref="TimeProvider"/>, HttpOnly, SameSite=Lax).</summary>
    public static void WriteCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = response.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
}
