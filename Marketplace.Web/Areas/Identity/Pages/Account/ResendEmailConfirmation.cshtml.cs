using Marketplace.Web.Emails;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's ResendEmailConfirmation page: an account with this email, not confirmed yet, gets a new
/// confirmation link (through the outbox). The answer is the same whatever the email, so it reveals no account.
/// </summary>
[AllowAnonymous]
public sealed class ResendEmailConfirmationModel(UserManager<IdentityUser> users, IdentityLinks links, IdentityEmails emails) : PageModel
{
    [BindProperty]
    public EmailInputModel Input { get; set; } = new();

    /// <summary>True once the form was sent.</summary>
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is not null && !await users.IsEmailConfirmedAsync(user)) await links.SendConfirmationAsync(user, Request, emails);
        Sent = true;
        return Page();
    }
}
