using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>Replaces Identity UI's ResetPasswordConfirmation page (French and English): where ResetPassword sends once the new password is set, or for an email no account has (the same answer).</summary>
[AllowAnonymous]
public sealed class ResetPasswordConfirmationModel : PageModel
{
    public void OnGet()
    {
    }
}
