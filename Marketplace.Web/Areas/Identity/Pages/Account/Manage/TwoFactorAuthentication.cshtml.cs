using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Two-factor authentication on the account page: whether it is on and how many recovery codes are left, set-up (see
/// <see cref="EnableAuthenticatorModel"/>), new recovery codes (the old ones stop working; the new ones are shown once, on
/// that answer) and turning it off (the app's key is replaced, so turning it on again needs the app set up anew).
/// </summary>
public sealed class TwoFactorAuthenticationModel(UserManager<IdentityUser> userManager, SignInManager<IdentityUser> signInManager,
    IStringLocalizer<SharedResource> text, ILogger<TwoFactorAuthenticationModel> logger) : PageModel
{
    /// <summary>Two-factor is on for this account.</summary>
    public bool IsEnabled { get; private set; }

    /// <summary>Recovery codes not yet used.</summary>
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>New recovery codes, on the answer that made them only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();
        if (!await userManager.GetTwoFactorEnabledAsync(user)) return RedirectToPage();
        RecoveryCodes = [.. await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        logger.LogInformation("User {UserId} made new recovery codes.", user.Id);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await signInManager.ForgetTwoFactorClientAsync();
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned off two-factor authentication.", user.Id);
        StatusMessage = text["Two-factor authentication is off."];
        return RedirectToPage();
    }

    private async Task LoadAsync(IdentityUser user)
    {
        IsEnabled = await userManager.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = IsEnabled ? await userManager.CountRecoveryCodesAsync(user) : 0;
    }
}
