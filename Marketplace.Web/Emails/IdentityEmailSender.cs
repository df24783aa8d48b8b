using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace Marketplace.Web.Emails;

/// <summary>
/// Identity UI's <see cref="IEmailSender"/>, for the default pages this app does not scaffold (Manage/Email's change and
/// verification links): those pages pass a ready-made English HTML sentence around one link
/// (<c>&lt;a href='…'&gt;clicking here&lt;/a&gt;</c>), so the link is taken out of it and sent with this app's own
/// confirmation or reset template (<see cref="IdentityEmails"/>), in the recipient's language. The scaffolded pages
/// (ForgotPassword, ResendEmailConfirmation, Register) call <see cref="IdentityEmails"/> directly.
/// </summary>
public sealed partial class IdentityEmailSender(IdentityEmails emails, UserManager<IdentityUser> users, ILogger<IdentityEmailSender> logger) : IEmailSender
{
    /// <inheritdoc />
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var href = Href().Match(htmlMessage);
        var user = await users.FindByEmailAsync(email);
        if (!href.Success || user is null)
        {
            // No link, or an address no account has (a pending email change): the account's own address gets nothing.
            user ??= await FindByPendingEmailAsync();
            if (!href.Success || user is null)
            {
                logger.LogWarning("Identity email \"{Subject}\" without a link or an account was not sent", subject);
                return;
            }
        }

        var link = WebUtility.HtmlDecode(href.Groups["url"].Value);
        if (subject.Contains("password", StringComparison.OrdinalIgnoreCase)) await emails.SendPasswordResetLinkAsync(user, email, link);
        else await emails.SendConfirmationLinkAsync(user, email, link);

        async Task<IdentityUser?> FindByPendingEmailAsync()
        {
            // Manage/Email's change link names the user: ?userId=…
            var userId = Regex.Match(WebUtility.HtmlDecode(href.Groups["url"].Value), "[?&]userId=([^&]+)").Groups[1].Value;
            return userId.Length == 0 ? null : await users.FindByIdAsync(Uri.UnescapeDataString(userId));
        }
    }

    [GeneratedRegex("href=['\"](?<url>[^'\"]+)['\"]", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
