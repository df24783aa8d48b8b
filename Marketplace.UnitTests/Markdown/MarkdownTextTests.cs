using Marketplace.Markdown;

namespace Marketplace.UnitTests.Markdown;

/// <summary>Creators' Markdown as a page shows it (sanitized HTML) and as a card shows it (plain text).</summary>
public sealed class MarkdownTextTests
{
    private readonly MarkdownText _markdown = new();

    [Theory]
    [InlineData("Hello <script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)></svg>")]
    [InlineData("![pic](https://evil.example/x.png \"t\")")]
    [InlineData("<style>body{display:none}</style>")]
    public void ToSafeHtml_RawHtmlOrImage_NoTagOrHandlerComesOut(string markdown)
    {
        var html = _markdown.ToSafeHtml(markdown);

        html.Should().NotContainAny("<script", "<img", "<iframe", "<svg", "<style");
        System.Text.RegularExpressions.Regex.IsMatch(html, @"<[^>]*\son\w+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            .Should().BeFalse("no element carries an event handler: {0}", html);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](/relative/path)")]
    [InlineData("<javascript:alert(1)>")]
    public void ToSafeHtml_LinkNotHttpOrMailto_TextKeptWithoutHref(string markdown)
    {
        var html = _markdown.ToSafeHtml(markdown);

        html.Should().NotContain("href").And.NotContainEquivalentOf("=\"javascript:").And.NotContain("=\"data:");
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=1)", "https://example.com/a?b=1")]
    [InlineData("[site](http://example.com)", "http://example.com")]
    [InlineData("<mailto:me@example.com>", "mailto:me@example.com")]
    public void ToSafeHtml_HttpHttpsMailtoLink_KeptWithNofollowUgcNoopener(string markdown, string href)
    {
        var html = _markdown.ToSafeHtml(markdown);

        html.Should().Contain($"href=\"{href.Replace("&", "&amp;")}\"").And.Contain("rel=\"nofollow ugc noopener\"");
    }

    [Fact]
    public void ToSafeHtml_HeadingsListsEmphasisCodeQuote_Rendered()
    {
        var html = _markdown.ToSafeHtml("## Size\n\n- **A2** poster\n- *matte* paper\n\n> Signed\n\n`code`\n\n```\nblock\n```");

        html.Should().Contain("<h2>Size</h2>").And.Contain("<li><strong>A2</strong> poster</li>").And.Contain("<em>matte</em>")
            .And.Contain("<blockquote>").And.Contain("<code>code</code>").And.Contain("<pre><code>block");
    }

    [Fact]
    public void ToSafeHtml_Blank_Empty() => _markdown.ToSafeHtml("  \n ").Should().BeEmpty();

    [Fact]
    public void ToPlainText_Markdown_NoMarkdownSymbols()
    {
        var text = _markdown.ToPlainText("# Big **poster**\n\n- *matte* paper\n- [see more](https://example.com)\n\n> `signed`", 200);

        text.Should().Be("Big poster matte paper see more signed");
    }

    [Fact]
    public void ToPlainText_Long_CutAtAWordWithEllipsis()
    {
        var text = _markdown.ToPlainText("A handmade poster printed on thick matte paper, signed and numbered by the artist.", 40);

        text.Should().Be("A handmade poster printed on thick…");
        text.Length.Should().BeLessThanOrEqualTo(40);
    }

    [Fact]
    public void ToPlainText_ScriptTyped_ComesOutAsTextNotMarkup()
    {
        var text = _markdown.ToPlainText("Hi <script>alert(1)</script>", 100);

        text.Should().Contain("Hi");
    }
}
