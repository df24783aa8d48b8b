using System.Text;
using Marketplace.Web.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Web.Emails;

/// <summary>
/// The absolute links of Identity's emails, in the form Identity UI's ConfirmEmail and ResetPassword pages read
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

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
