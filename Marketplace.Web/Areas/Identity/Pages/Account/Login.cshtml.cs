using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Accounts;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Identity UI's Login page, scaffolded to speak French and English: email and password (throttled by
/// <see cref="Security.ThrottledSignInManager"/>, which also restores the user's language; a held attempt shows the
/// wait on this page), then back to a
/// local <c>returnUrl</c> (another host goes home, see <see cref="Security.LocalRedirectGuardFilter"/>). "Sign in with a
/// passkey" (<c>wwwroot/js/passkeys.js</c>) POSTs <c>?handler=PasskeyOptions</c> for the request options (JSON, any of
/// the account's discoverable passkeys), then <c>?handler=Passkey</c> with the browser's assertion as JSON
/// (<see cref="Security.ThrottledSignInManager.PasskeySignInAsync"/>); a refused or missing one shows why on this page.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<IdentityUser> signInManager, IStringLocalizer<SharedResource> text, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        if (!string.IsNullOrEmpty(ErrorMessage)) ModelState.AddModelError(string.Empty, ErrorMessage);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme); // a clean start, as Identity UI's page does
        ReturnUrl = returnUrl ?? Url.Content("~/");
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        returnUrl ??= Url.Content("~/");
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User logged in.");
            return LocalRedirect(returnUrl);
        }

        if (result.RequiresTwoFactor) return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, RememberMe = Input.RememberMe });

        if (Security.PasswordAttempts.RefusedWait(HttpContext) is { } wait)
        {
            logger.LogWarning("Sign-in held by the throttle for {Seconds} s.", (int)wait.TotalSeconds);
            ModelState.AddModelError(string.Empty, text["Too many failed sign-ins. Try again in {0} minute(s), or from a browser you signed in with before.", Security.PasswordAttempts.Minutes(wait)]);
            return Page();
        }

        if (result.IsNotAllowed)
        {
            // Only the right password gets here (Security.ThrottledSignInManager): the address is not confirmed yet.
            ModelState.AddModelError(string.Empty, text["Confirm your email address first: open the link we sent you, or have it sent again below."]);
            return Page();
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("User account locked out.");
            return RedirectToPage("./Lockout");
        }

        ModelState.AddModelError(string.Empty, text["Invalid login attempt."]);
        return Page();
    }

    /// <summary>The browser's passkey assertion (<c>navigator.credentials.get</c>), as JSON.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    /// <summary>The browser's error, when it could not use a passkey.</summary>
    [BindProperty]
    public string? Error { get; set; }

    /// <summary>The passkey request options for <c>navigator.credentials.get</c> (JSON; no account named, the passkey says whose it is).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signInManager.MakePasskeyRequestOptionsAsync(null), "application/json", System.Text.Encoding.UTF8);

    /// <summary>Signs in with the passkey assertion the browser made, then back to a local <c>returnUrl</c>.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? returnUrl = null)
    {
        returnUrl ??= Url.Content("~/");
        ReturnUrl = returnUrl;
        ModelState.Clear(); // the email and password fields are not part of this form
        if (!string.IsNullOrEmpty(Error) || string.IsNullOrEmpty(CredentialJson) || CredentialJson.Length > 64 * 1024)
        {
            ModelState.AddModelError(string.Empty, text["Your browser did not use a passkey (it may not support them, or the request was cancelled)."]);
            return Page();
        }

        var result = await signInManager.PasskeySignInAsync(CredentialJson);
        if (result.Succeeded)
        {
            logger.LogInformation("User logged in with a passkey.");
            return LocalRedirect(returnUrl);
        }

        if (result.IsNotAllowed) ModelState.AddModelError(string.Empty, text["Confirm your email address first: open the link we sent you, or have it sent again below."]);
        else if (result.IsLockedOut) return RedirectToPage("./Lockout");
        else ModelState.AddModelError(string.Empty, text["This passkey was not accepted. Use one added on your account page, or your password."]);
        return Page();
    }

    /// <summary>The sign-in form.</summary>
    public sealed class InputModel
    {
        [Required, EmailAddress, StringLength(AccountLimits.MaxEmailLength)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Remember me?")]
        public bool RememberMe { get; set; }
    }
}
