namespace Marketplace.Core.Emails;

/// <summary>A rendered email: recipient, subject, HTML and plain-text parts, and its language (<c>en</c>/<c>fr</c>).</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody, string Culture);

/// <summary>Renders an outbox row into a message in the row's culture (the templates live in the web app).</summary>
public interface IEmailRenderer
{
    /// <summary>Renders <paramref name="email"/>.</summary>
    /// <exception cref="InvalidOperationException">The row's kind has no template.</exception>
    Task<EmailMessage> RenderAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>Hands a message to the mail system.</summary>
public interface IEmailTransport
{
    /// <summary>Sends <paramref name="message"/>; throws when the SMTP server cannot be reached or refuses it.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
