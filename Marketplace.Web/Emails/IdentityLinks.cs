using System.Text;
using Marketplace.Web.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Web.Emails;

/// <summary>
/// The absolute links of Identity's emails, in the form this app's ConfirmEmail and ResetPassword pages read
/// (the token Base64Url-encoded in <c>code</c>), built with <see cref="PublicUrls"/>.
/// </summary>
public sealed class IdentityLinks(UserManager<IdentityUser> users, PublicUrls urls)
{
    /// <summary>Sends <paramref name="user"/> the link to confirm their email (a new token).</summary>
    public async Task SendConfirmationAsync(IdentityUser user, HttpRequest request, IdentityEmails emails)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = urls.For(request, $"/Identity/Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        await emails.SendConfirmationLinkAsync(user, user.Email!, link);
    }

    /// <summary>Sends <paramref name="user"/> the link to choose a new password (a new token).</summary>
    public async Task SendPasswordResetAsync(IdentityUser user, HttpRequest request, IdentityEmails emails)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await emails.SendPasswordResetLinkAsync(user, user.Email!, urls.For(request, $"/Identity/Account/ResetPassword?code={code}"));
    }

    /// <summary>The token of a link's <c>code</c> (Base64Url of UTF-8); null when absent, longer than 2048 characters or not Base64Url.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2048) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
