using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Accounts;
using Marketplace.Core.Creators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's Register page: a sign-up is a creator sign-up (profile, role, Free plan in one
/// transaction, see <see cref="CreatorRegistration"/>), then the creator is signed in and sees the plans.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(CreatorRegistration registration, SignInManager<IdentityUser> signInManager) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();

        var result = await registration.RegisterAsync(Input.Email, Input.Password, Input.DisplayName, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
            return Page();
        }

        await signInManager.SignInAsync(result.User!, isPersistent: false);
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect("/creator/subscription/upgrade");
    }

    /// <summary>The registration form.</summary>
    public sealed class InputModel
    {
        [Required, StringLength(100, MinimumLength = 2)]
        [Display(Name = "Shop name")]
        public string DisplayName { get; set; } = "";

        [Required, EmailAddress, StringLength(AccountLimits.MaxEmailLength)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, StringLength(100, MinimumLength = 8, ErrorMessage = "The {0} must be at least {2} characters long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password)]
        [Display(Name = "Confirm password")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
