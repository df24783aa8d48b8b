using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Marketplace.Core.Emails;

/// <summary>
/// Sends with MailKit (https://mimekit.net/docs/html/T_MailKit_Net_Smtp_SmtpClient.htm): a <c>multipart/alternative</c>
/// message with the plain-text and HTML parts, over SMTP to <c>Email:Smtp:Host</c>, or, with no host configured, written
/// as an <c>.eml</c> file under <see cref="EmailOptions.PickupDirectory"/> (its path is logged) so the app needs nothing
/// to run.
/// </summary>
public sealed class MailKitEmailTransport(IOptions<EmailOptions> options, ContentRoot contentRoot, TimeProvider clock, ILogger<MailKitEmailTransport> logger) : IEmailTransport
{
    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mime = ToMime(message, settings.From);
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var directory = Path.GetFullPath(Path.Combine(contentRoot.Path, settings.PickupDirectory));
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(path, cancellationToken);
            logger.LogInformation("No SMTP host configured: email \"{Subject}\" to {To} written to {EmlPath}", message.Subject, message.To, path);
            return;
        }

        using var smtp = new SmtpClient { Timeout = settings.Smtp.TimeoutSeconds * 1000 };
        var security = settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await smtp.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            await smtp.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        await smtp.SendAsync(mime, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The MIME message of <paramref name="message"/> from <paramref name="from"/> (an address or <c>Name &lt;address&gt;</c>).</summary>
    public static MimeMessage ToMime(EmailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Headers.Add(HeaderId.ContentLanguage, message.Culture);
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>The app's content root (folder of <c>App_Data</c>), for files Core writes.</summary>
public sealed record ContentRoot(string Path);
