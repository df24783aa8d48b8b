using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's RegisterConfirmation page (which shows the confirmation link on the page itself when no email
/// sender is set): "check your email", the same page for every sign-up, new address or not, with the way to sign in once
/// the link is opened (<c>returnUrl</c>, local only, is where the sign-in goes next) and to have the link sent again.
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel : PageModel
{
    /// <summary>Where signing in goes after confirmation: a local path, else home.</summary>
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl = null) => ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    /// <summary>The answer of both sign-up pages, whoever has the address: a redirect to this page, carrying <paramref name="returnUrl"/>.</summary>
    public static IActionResult RedirectAfterSignUp(PageModel page, string returnUrl) =>
        page.RedirectToPage("./RegisterConfirmation", new { returnUrl });
}
