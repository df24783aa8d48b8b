using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's ResetPassword page: the link of the reset email (<see cref="Emails.IdentityLinks"/>, the token
/// Base64Url-encoded in <c>code</c>) opens a form for the email and the new password. An unknown email gets the same
/// confirmation as a known one, so the page never says whether an email has an account; a refused token or password
/// shows Identity's errors (<see cref="Localization.LocalizedIdentityErrors"/>).
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<IdentityUser> users) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The form, the token kept in a hidden field; 400 without a well-formed <paramref name="code"/>.</summary>
    public IActionResult OnGet(string? code = null)
    {
        if (Emails.IdentityLinks.Decode(code) is not { } token) return BadRequest();
        Input = new InputModel { Code = token };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email);
        if (user is null) return RedirectToPage("./ResetPasswordConfirmation");
        var result = await users.ResetPasswordAsync(user, Input.Code, Input.Password);
        if (result.Succeeded) return RedirectToPage("./ResetPasswordConfirmation");
        foreach (var error in result.Errors) ModelState.AddModelError(string.Empty, error.Description);
        return Page();
    }

    /// <summary>The reset form: the email, the new password twice, the token.</summary>
    public sealed class InputModel : CredentialsInputModel
    {
        [Required]
        public string Code { get; set; } = "";
    }
}
