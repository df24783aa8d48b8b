using System.Text;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Sets up an authenticator app (TOTP, RFC 6238, through Identity's authenticator token provider): the shared key in
/// groups of four and the <c>otpauth://</c> URI as text (no QR code: no QR library is served to this build), then a
/// code from the app turns two-factor on and the page shows 10 recovery codes, once. Admins are sent here before any
/// admin page until it is done (<see cref="Security.AdminTwoFactor"/>), with a local <c>returnUrl</c> to go back to.
/// </summary>
public sealed class EnableAuthenticatorModel(UserManager<IdentityUser> userManager, SignInManager<IdentityUser> signInManager,
    IStringLocalizer<SharedResource> text, ILogger<EnableAuthenticatorModel> logger) : PageModel
{
    /// <summary>The issuer shown in the authenticator app.</summary>
    public const string Issuer = "Marketplace";

    /// <summary>The key to type into the app: Base32, lower case, in groups of four.</summary>
    public string SharedKey { get; private set; } = "";

    /// <summary>The <c>otpauth://totp/…</c> URI holding the key, for apps that read it.</summary>
    public string AuthenticatorUri { get; private set; } = "";

    /// <summary>The recovery codes, set only on the answer that turned two-factor on.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>True when an admin was sent here by <see cref="Security.AdminTwoFactor"/>.</summary>
    public bool Required { get; private set; }

    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(bool required = false)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();
        Required = required;
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length is < 6 or > 8 || !await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), text["The code is not valid. Type the 6 digits your app shows now."]);
            await LoadKeyAsync(user);
            return Page();
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signInManager.RefreshSignInAsync(user); // the new security stamp must not sign this browser out
        logger.LogInformation("User {UserId} turned on two-factor authentication with an app.", user.Id);
        return Page();
    }

    private async Task LoadKeyAsync(IdentityUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = FormatKey(key);
        var email = await userManager.GetEmailAsync(user) ?? user.UserName ?? "";
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
