using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The second step of signing in, after a right password for an account with two-factor on: a code from the
/// authenticator app (6 digits) or one of the recovery codes (each works once), and optionally "remember this browser"
/// (Identity's two-factor remember cookie, 14 days). Wrong codes count towards Identity's lockout (5, then 15 minutes),
/// which only someone who knows the password reaches. Without a pending password step it sends to the Login page.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2faModel(SignInManager<IdentityUser> signInManager, IStringLocalizer<SharedResource> text, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Url.Content("~/");
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("./Login", new { ReturnUrl });
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var digits = code.Replace("-", "", StringComparison.Ordinal);
        var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(digits, RememberMe, RememberMachine)
            : code.Length > 0 ? await signInManager.TwoFactorRecoveryCodeSignInAsync(code) : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in with a second factor.");
            return LocalRedirect(returnUrl);
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut
            ? text["Too many wrong codes. Try again in 15 minutes."]
            : text["The code is not valid. Type the 6 digits your app shows now, or a recovery code."]);
        return Page();
    }
}
