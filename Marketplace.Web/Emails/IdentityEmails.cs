using Marketplace.Core.Accounts;
using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Web.Emails;

/// <summary>
/// Identity's emails (https://learn.microsoft.com/aspnet/core/security/authentication/accconfirm): the confirmation
/// and password reset links, written to the outbox and saved at once (the page waits only for that insert; the job
/// sends). Implements <see cref="IEmailSender{TUser}"/>, the interface of Identity's typed link emails. The recipient's
/// culture is their <c>locale</c> claim, else the request's culture, else <c>App:DefaultCulture</c>.
/// </summary>
public sealed class IdentityEmails(EmailOutbox outbox, MarketplaceDbContext db) : IEmailSender<IdentityUser>
{
    /// <inheritdoc />
    public Task SendConfirmationLinkAsync(IdentityUser user, string email, string confirmationLink) =>
        QueueAsync(EmailKinds.ConfirmEmail, user, email, confirmationLink);

    /// <inheritdoc />
    public Task SendPasswordResetLinkAsync(IdentityUser user, string email, string resetLink) =>
        QueueAsync(EmailKinds.ResetPassword, user, email, resetLink);

    /// <summary>Not used: this app's reset emails carry a link, not a code.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public Task SendPasswordResetCodeAsync(IdentityUser user, string email, string resetCode) =>
        throw new NotSupportedException("Password reset emails carry a link (SendPasswordResetLinkAsync).");

    private async Task QueueAsync(string kind, IdentityUser user, string email, string link)
    {
        var recipient = await outbox.UserAsync(user.Id, UserCultures.Current());
        outbox.QueueUnique(kind, new EmailRecipient(email, recipient?.Culture ?? UserCultures.Current() ?? outbox.DefaultCulture),
            EmailModelKeys.Of((EmailModelKeys.Link, link)));
        await db.SaveChangesAsync();
    }
}
