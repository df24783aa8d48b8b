using Marketplace.Web.Configuration;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Web.Controllers;

/// <summary>
/// The footer's language switch, <c>POST /culture</c> (antiforgery token): sets ASP.NET Core's culture cookie and, for a
/// signed-in user, their <c>locale</c> claim (<see cref="UserLocale"/>), then goes back to <c>returnUrl</c> when it is
/// local (home otherwise). A culture the app does not speak is a 400.
/// </summary>
[Route("culture")]
[AutoValidateAntiforgeryToken]
public sealed class CultureController(UserManager<IdentityUser> users) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Set([FromForm] string? culture, [FromForm] string? returnUrl)
    {
        if (RequestCultures.UiCultureOf(culture) is not { } chosen || chosen != culture) return BadRequest();
        UserLocale.WriteCookie(Response, chosen);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
            await UserLocale.SaveAsync(users, user, chosen);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
