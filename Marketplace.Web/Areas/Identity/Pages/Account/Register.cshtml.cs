using Marketplace.Core.Registration;
using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Accounts;
using Marketplace.Core.Creators;
using Marketplace.Core.Text;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's Register page: a sign-up is a creator sign-up (profile, role, Free plan in one
/// transaction, see <see cref="CreatorRegistration"/>), then the creator is sent the email confirmation link and sees
/// "check your email" (<see cref="RegisterConfirmationModel"/>); signing in needs the confirmed address. An email that
/// already has an account gets the same answer (the same redirect, no cookie) and nothing changes, except that its owner
/// is told by email (<see cref="RegistrationAttemptWarning"/>, at most once an hour): the page never says whether an
/// email is registered.
/// </summary>
[AllowAnonymous]
public sealed class RegisterModel(CreatorRegistration registration, RegistrationAttemptWarning attempts,
    Emails.IdentityLinks links, Emails.IdentityEmails emails, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid) return Page();
        if (TextRules.NameError(Input.DisplayName, "shop name") is { } badName)
        {
            // CreatorRegistration refuses it too, in English; the page says it in the visitor's language.
            ModelState.AddModelError(string.Empty, text.Say(badName));
            return Page();
        }

        var result = await registration.RegisterAsync(Input.Email, Input.Password, Input.DisplayName, cancellationToken);
        var shown = result.Errors.Where(e => !RevealsAnAccount(e)).ToList();
        foreach (var error in shown) ModelState.AddModelError(string.Empty, error.Description);
        if (shown.Count > 0) return Page();

        // An email that has an account answers as a new one does: the same redirect, no cookie; its owner is told.
        if (result.Succeeded) await links.SendConfirmationAsync(result.User!, Request, emails);
        else await attempts.WarnOwnerAsync(Input.Email, cancellationToken);
        return RegisterConfirmationModel.RedirectAfterSignUp(this, Url.IsLocalUrl(returnUrl) ? returnUrl : "/creator/subscription/upgrade");
    }

    /// <summary>Identity's "Username/Email '…' is already taken": never shown, it would tell anyone who has an account.</summary>
    private static bool RevealsAnAccount(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail);

    /// <summary>The registration form.</summary>
    public sealed class InputModel : CredentialsInputModel
    {
        [Required, StringLength(100, MinimumLength = 2)]
        [Display(Name = "Shop name")]
        public string DisplayName { get; set; } = "";
    }
}
