using System.ComponentModel.DataAnnotations;
using Marketplace.Core.AccountDeletion;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces Identity UI's Delete personal data page: the password is checked, then <see cref="CreatorAccountDeletion"/>
/// ends the Stripe billing before any personal data goes, and a refusal (Stripe unreachable) is shown on the page with
/// nothing changed. The password check is throttled as sign-in is (<see cref="Security.PasswordAttempts"/>).
/// </summary>
public sealed class DeletePersonalDataModel(UserManager<IdentityUser> userManager, SignInManager<IdentityUser> signInManager,
    CreatorAccountDeletion deletion, IStringLocalizer<SharedResource> text, Security.PasswordAttempts attempts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool RequirePassword { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound("Unable to load your account.");
        RequirePassword = await userManager.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound("Unable to load your account.");
        RequirePassword = await userManager.HasPasswordAsync(user);
        if (RequirePassword)
        {
            var verdict = await attempts.CheckAsync(user.Id);
            if (!verdict.Allowed)
            {
                ModelState.AddModelError(string.Empty, text["Too many failed password checks. Try again in {0} minute(s).", Security.PasswordAttempts.Minutes(verdict.RetryAfter)]);
                return Page();
            }

            var right = !string.IsNullOrEmpty(Input.Password) && await userManager.CheckPasswordAsync(user, Input.Password);
            await attempts.RecordAsync(user.Id, right);
            if (!right)
            {
                ModelState.AddModelError(string.Empty, text["Incorrect password."]);
                return Page();
            }
        }

        var result = await deletion.DeleteAsync(user.Id, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.RefusedBecause!);
            return Page();
        }

        await signInManager.SignOutAsync();
        return Redirect("~/");
    }

    /// <summary>The confirmation form.</summary>
    public sealed class InputModel
    {
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string? Password { get; set; }
    }
}
