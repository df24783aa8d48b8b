namespace Marketplace.Web.Emails;

/// <summary>A link of an email: its label and absolute URL.</summary>
public sealed record EmailAction(string Label, string Url);

/// <summary>
/// What an email says, already in its culture: the subject (also the heading), paragraphs of plain text, the main
/// button and further links. <see cref="EmailLayout"/> renders it as HTML, <see cref="EmailText"/> as plain text.
/// </summary>
public sealed record EmailContent(string Subject, IReadOnlyList<string> Paragraphs, EmailAction? Action, IReadOnlyList<EmailAction> Links);

/// <summary>The words every email shares (greeting, signature, footer), in the email's culture.</summary>
public sealed record EmailChrome(string Culture, string Greeting, string Signature, string Footer, string FallbackLink);

/// <summary>The marker type of the emails' resources (<c>Resources/Emails/EmailTexts.{en,fr}.resx</c>).</summary>
public sealed class EmailTexts;
