using System.Text;
using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// The account's passkeys (WebAuthn, ASP.NET Core Identity's passkey support): the list (name, date added), "Add a
/// passkey" and removal. Adding is two POSTs made by <c>wwwroot/js/passkeys.js</c>: <c>?handler=Options</c> answers the
/// creation options as JSON (Identity keeps the challenge in a short-lived cookie), the browser's
/// <c>navigator.credentials.create</c> makes the credential, and <c>?handler=Add</c> receives it as JSON, has Identity
/// verify it (challenge, origin, relying party) and stores it. At most <see cref="MaxPasskeys"/> per account. A refused
/// credential, a browser error or a bad id comes back to this page with the reason.
/// </summary>
public sealed class PasskeysModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, TimeProvider clock,
    IStringLocalizer<SharedResource> text, ILogger<PasskeysModel> logger) : PageModel
{
    /// <summary>The most passkeys one account may have.</summary>
    public const int MaxPasskeys = 10;

    /// <summary>The longest passkey name.</summary>
    public const int MaxNameLength = 60;

    /// <summary>The account's passkeys, oldest first.</summary>
    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    /// <summary>The credential made by <c>navigator.credentials.create</c>, as JSON.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    /// <summary>The browser's error, when it could not make the credential.</summary>
    [BindProperty]
    public string? Error { get; set; }

    /// <summary>The name the owner gives the new passkey (optional).</summary>
    [BindProperty]
    public string? Name { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    /// <summary>The creation options for <c>navigator.credentials.create</c> (JSON), for the signed-in user.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        var name = user.Email ?? user.UserName ?? user.Id;
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = name, DisplayName = name });
        return Content(options, "application/json", Encoding.UTF8);
    }

    /// <summary>Verifies and stores the credential the browser made; back to the list with what happened.</summary>
    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await LoadAsync();
        if (user is null) return NotFound();
        if (Passkeys.Count >= MaxPasskeys) return Refuse(text["You have {0} passkeys, the most an account may have: remove one first.", MaxPasskeys]);
        if (!string.IsNullOrEmpty(Error) || string.IsNullOrEmpty(CredentialJson))
            return Refuse(text["Your browser did not make a passkey (it may not support them, or the request was cancelled)."]);
        var name = (Name ?? "").Trim();
        if (name.Length > MaxNameLength || Core.Text.TextRules.NameError(name, "passkey name") is not null)
            return Refuse(text["A passkey name has at most {0} letters, without control characters.", MaxNameLength]);

        var attestation = await signIn.PerformPasskeyAttestationAsync(CredentialJson);
        if (!attestation.Succeeded)
        {
            logger.LogWarning("Passkey refused: {Reason}", attestation.Failure?.Message);
            return Refuse(text["This passkey could not be added. Try again from this page."]);
        }

        var passkey = attestation.Passkey;
        passkey.Name = name.Length > 0 ? name : text["Passkey added on {0}", clock.GetUtcNow().ToString("d", System.Globalization.CultureInfo.CurrentCulture)];
        var stored = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!stored.Succeeded)
        {
            logger.LogWarning("Passkey not stored: {Errors}", string.Join("; ", stored.Errors.Select(e => e.Description)));
            return Refuse(text["This passkey could not be added. Try again from this page."]);
        }

        logger.LogInformation("Passkey added.");
        StatusMessage = text["Passkey added: you can now sign in with it."];
        return RedirectToPage();
    }

    /// <summary>Removes the passkey <paramref name="id"/> (its credential id, Base64Url) from the account.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        byte[]? credentialId = null;
        try
        {
            if (!string.IsNullOrEmpty(id) && id.Length <= 2048) credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
        }

        if (credentialId is null || await users.GetPasskeyAsync(user, credentialId) is null)
        {
            StatusMessage = "Error: " + text["This passkey is not on your account."];
            return RedirectToPage();
        }

        await users.RemovePasskeyAsync(user, credentialId);
        StatusMessage = text["Passkey removed: it no longer signs in to your account."];
        return RedirectToPage();
    }

    private IActionResult Refuse(string message)
    {
        StatusMessage = "Error: " + message;
        return Page();
    }

    private async Task<IdentityUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        Passkeys = [.. (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "", p.CreatedAt))];
        return user;
    }

    /// <summary>A passkey as listed: its credential id (Base64Url), name and when it was added.</summary>
    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);
}
