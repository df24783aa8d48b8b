using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Replaces Identity UI's ConfirmEmail page: the link of the confirmation email (<see cref="Emails.IdentityLinks"/>:
/// <c>userId</c> and the token Base64Url-encoded in <c>code</c>) confirms the address. An unknown user is a 404, a link
/// without both values goes home, a refused token says so. Once confirmed, the visitor orders paid with that address join the
/// account (<see cref="Core.Buyers.GuestOrderClaim"/>) and the page says how many, and offers to sign in (then to the
/// plans for a creator, to the purchases for a buyer).
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<IdentityUser> users, Core.Buyers.GuestOrderClaim guestOrders) : PageModel
{
    /// <summary>True when the address is now confirmed.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>How many earlier guest orders joined the account now.</summary>
    public int AttachedOrders { get; private set; }

    /// <summary>Where signing in goes next: the plans for a creator, else the purchases.</summary>
    public string NextPage { get; private set; } = "/purchases";

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code)) return LocalRedirect("~/");
        var user = await users.FindByIdAsync(userId);
        if (user is null) return NotFound();
        Confirmed = Emails.IdentityLinks.Decode(code) is { } token && (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (Confirmed && user.Email is { } email) AttachedOrders = await guestOrders.AttachAsync(user.Id, email, HttpContext.RequestAborted);
        if (await users.IsInRoleAsync(user, Core.Accounts.Roles.Creator)) NextPage = "/creator/subscription/upgrade";
        return Page();
    }
}
