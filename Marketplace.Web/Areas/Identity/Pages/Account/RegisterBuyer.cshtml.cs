using Marketplace.Core.Registration;
using Marketplace.Core.Buyers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// A buyer's sign-up (<c>/Identity/Account/RegisterBuyer</c>): email and password, no shop
/// (<see cref="BuyerRegistration"/>). The buyer is sent the confirmation link (confirming attaches their earlier guest
/// orders, see <see cref="GuestOrderClaim"/>) and sees "check your email"; once confirmed, they sign in and see their
/// purchases. As on the creator sign-up, an email that already has an account gets the same redirect, no cookie, and
/// nothing changes, except that its owner is told by email. Rate limited as Register.
/// </summary>
[AllowAnonymous]
public sealed class RegisterBuyerModel(BuyerRegistration registration, Core.Registration.RegistrationAttemptWarning attempts,
    Emails.IdentityLinks links, Emails.IdentityEmails emails) : PageModel
{
    [BindProperty]
    public CredentialsInputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken = default)
    {
        if (!ModelState.IsValid) return Page();
        var (user, errors) = await registration.RegisterAsync(Input.Email, Input.Password);
        var shown = errors.Where(e => e.Code is not (nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail))).ToList();
        foreach (var error in shown) ModelState.AddModelError(string.Empty, error.Description);
        if (shown.Count > 0) return Page();
        if (user is not null) await links.SendConfirmationAsync(user, Request, emails);
        else await attempts.WarnOwnerAsync(Input.Email, cancellationToken);
        return RegisterConfirmationModel.RedirectAfterSignUp(this, "/purchases");
    }
}
