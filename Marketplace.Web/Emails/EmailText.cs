using System.Text;

namespace Marketplace.Web.Emails;

/// <summary>The plain-text part of an email, from the same content as its HTML part.</summary>
public static class EmailText
{
    /// <summary>Greeting, paragraphs, "label: URL" lines, signature and footer, separated by blank lines.</summary>
    public static string Render(EmailContent content, EmailChrome chrome)
    {
        var text = new StringBuilder();
        text.Append(chrome.Greeting).Append("\n\n");
        foreach (var paragraph in content.Paragraphs) text.Append(paragraph).Append("\n\n");
        foreach (var link in (content.Action is null ? content.Links : [content.Action, .. content.Links]))
            text.Append(link.Label).Append(": ").Append(link.Url).Append("\n\n");
        text.Append(chrome.Signature).Append("\n\n").Append("-- \n").Append(chrome.Footer).Append('\n');
        return text.ToString();
    }
}
