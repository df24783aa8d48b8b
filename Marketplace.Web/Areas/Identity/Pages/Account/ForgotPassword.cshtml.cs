using Marketplace.Web.Emails;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's ForgotPassword page: an account with this email gets a reset link by email (through the
/// outbox, in the user's language), confirmed or not (this app does not require a confirmed email to sign in). Every
/// answer is the same confirmation page, so the page never says whether an email has an account.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<IdentityUser> users, IdentityLinks links, IdentityEmails emails) : PageModel
{
    [BindProperty]
    public EmailInputModel Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not null) await links.SendPasswordResetAsync(user, Request, emails);
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
