using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's RegisterConfirmation page ("check your email"), which without a real Identity UI email sender
/// shows the confirmation link on the page itself. This app signs a new account in at once (Register goes on to the
/// plans) and emails the link; this page only says so, for an <c>email</c> that has an account (else home).
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmationModel(UserManager<IdentityUser> users) : PageModel
{
    /// <summary>The address the link was sent to.</summary>
    public string Email { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? email = null)
    {
        if (string.IsNullOrWhiteSpace(email) || await users.FindByEmailAsync(email) is null) return LocalRedirect("~/");
        Email = email;
        return Page();
    }
}
