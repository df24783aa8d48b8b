using Marketplace.Markdown;

namespace Marketplace.UnitTests.Markdown;

/// <summary>Delivery notes: Markdown, with the bare links and line breaks of the plain-text notes written before.</summary>
public sealed class MarkdownNoteTests
{
    private readonly MarkdownText _markdown = new();

    [Fact]
    public void NoteToSafeHtml_PlainTextNoteWithBareLinkAndLineBreak_LinkAndBreakKept()
    {
        var html = _markdown.NoteToSafeHtml("Download:\nhttps://files.example/a.pdf");

        html.Should().Be("<p>Download:<br>\n<a href=\"https://files.example/a.pdf\" rel=\"nofollow ugc noopener\">https://files.example/a.pdf</a></p>");
    }

    [Fact]
    public void NoteToSafeHtml_RawHtmlAndJavascriptLink_EscapedAndWithoutHref()
    {
        var html = _markdown.NoteToSafeHtml("<img src=x onerror=alert(1)> [go](javascript:alert(1)) ![p](https://x.example/p.png)");

        html.Should().NotContain("<img").And.NotContain("javascript:").And.Contain("&lt;img");
    }
}
