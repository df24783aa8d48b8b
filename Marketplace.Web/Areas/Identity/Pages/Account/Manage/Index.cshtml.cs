using System.ComponentModel.DataAnnotations;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Identity UI's profile page, scaffolded to speak French and English: the account's email (its user name) and phone number, and "Sign out everywhere else".</summary>
public sealed class IndexModel(UserManager<IdentityUser> userManager, SignInManager<IdentityUser> signInManager, IStringLocalizer<SharedResource> text) : PageModel
{
    public string Username { get; set; } = "";

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var phoneNumber = await userManager.GetPhoneNumberAsync(user);
        if (Input.PhoneNumber != phoneNumber && !(await userManager.SetPhoneNumberAsync(user, Input.PhoneNumber)).Succeeded)
        {
            StatusMessage = text["Error: the phone number could not be saved."];
            return RedirectToPage();
        }

        await signInManager.RefreshSignInAsync(user);
        StatusMessage = text["Your profile has been updated."];
        return RedirectToPage();
    }

    /// <summary>
    /// "Sign out everywhere else": a new security stamp ends every other session of the account at its next stamp
    /// check (<c>Security:SessionValidationSeconds</c>); this browser is signed in again with the new stamp.
    /// </summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return NotFound();
        await userManager.UpdateSecurityStampAsync(user);
        await signInManager.RefreshSignInAsync(user);
        StatusMessage = text["Every other session of your account has been signed out."];
        return RedirectToPage();
    }

    private async Task LoadAsync(IdentityUser user)
    {
        Username = await userManager.GetUserNameAsync(user) ?? "";
        Input = new InputModel { PhoneNumber = await userManager.GetPhoneNumberAsync(user) };
    }

    /// <summary>The profile form.</summary>
    public sealed class InputModel
    {
        [Phone, StringLength(32)]
        [Display(Name = "Phone number")]
        public string? PhoneNumber { get; set; }
    }
}
