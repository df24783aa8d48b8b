using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>Identity UI's Access denied page, scaffolded to speak French and English (the app answers a real 403 instead of sending people here).</summary>
public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
