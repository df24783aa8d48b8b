using Marketplace.Web.Configuration;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The footer's language switch, <c>POST /culture</c>: sets ASP.NET Core's culture cookie and, for a signed-in user,
/// their <c>locale</c> claim (<see cref="UserLocale"/>), then goes back to <c>returnUrl</c> when it is local (home
/// otherwise). A culture the app does not speak is a 400.
/// A signed-in user's switch writes to their account, so it needs the antiforgery token (400 without it); a visitor's
/// only sets a cookie in their own browser, so the anonymous form carries no token: a token would set the antiforgery
/// cookie and mark every anonymous page <c>no-cache</c>, and <c>/</c> and <c>/pricing</c> could no longer be
/// output-cached (Caching/PageOutputCaching.cs).
/// </summary>
[Route("culture")]
[IgnoreAntiforgeryToken]
public sealed class CultureController(UserManager<IdentityUser> users, IAntiforgery antiforgery) : Controller
{
    /// <summary>Sets the culture (<c>en</c> or <c>fr</c>) and redirects to the local <paramref name="returnUrl"/>.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Set([FromForm] string? culture, [FromForm] string? returnUrl)
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        if (signedIn && !await antiforgery.IsRequestValidAsync(HttpContext)) return BadRequest();
        if (RequestCultures.UiCultureOf(culture) is not { } chosen || chosen != culture) return BadRequest();
        UserLocale.WriteCookie(Response, chosen);
        if (signedIn && await users.GetUserAsync(User) is { } user)
            await UserLocale.SaveAsync(users, user, chosen);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
