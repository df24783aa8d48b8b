using System.Text;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;

namespace Marketplace.Markdown;

/// <summary>
/// Markdown that creators write (listing descriptions; later shop bios), turned into HTML safe to put in a page, or into
/// plain text for cards, emails and Stripe. CommonMark through Markdig with raw HTML disabled (<c>DisableHtml()</c>: a
/// <c>&lt;script&gt;</c> typed in the text comes out as escaped text), then HtmlSanitizer with an allow-list: headings,
/// paragraphs, line breaks, rules, lists, bold and italic, inline code and code blocks, blockquotes, and links whose
/// <c>href</c> is absolute http, https or mailto, each given <c>rel="nofollow ugc noopener"</c>. No images, no
/// attributes but <c>href</c> and <c>rel</c>, no styles. A link with any other target (relative, <c>javascript:</c>,
/// <c>data:</c>) keeps its text and loses its <c>href</c>. Thread-safe: register it once (a singleton).
/// </summary>
public sealed class MarkdownText
{
    /// <summary>The <c>rel</c> every link gets: no SEO credit to user links, no <c>window.opener</c> for the target.</summary>
    public const string LinkRel = "nofollow ugc noopener";

    private static readonly string[] AllowedTags =
        ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i", "code", "pre", "blockquote", "a"];

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    // Delivery notes were plain text with bare links and line breaks before they were Markdown: those stay as they were.
    private readonly MarkdownPipeline _notePipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().Build();
    private readonly HtmlSanitizer _sanitizer = NewSanitizer();

    /// <summary>
    /// The sanitized HTML of <paramref name="markdown"/> (empty for null or blank). Never contains script, event
    /// handlers, images, styles or a link that is not http/https/mailto.
    /// </summary>
    public string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var html = Markdig.Markdown.ToHtml(markdown, _pipeline);
        return _sanitizer.Sanitize(html).Trim();
    }

    /// <summary>
    /// The sanitized HTML of a delivery note (the same allow-list as <see cref="ToSafeHtml"/>), where, as in the plain
    /// text notes were before, a bare <c>https://…</c> is a link and a line break is a line break. Empty for null or blank.
    /// </summary>
    public string NoteToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return _sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, _notePipeline)).Trim();
    }

    /// <summary>
    /// The text of <paramref name="markdown"/> without its Markdown symbols (Markdig's plain-text renderer), white space
    /// folded to single spaces, cut at a word boundary to at most <paramref name="maxLength"/> characters with "…" when
    /// cut. Empty for null or blank. The result is text, not HTML: encode it where it is shown.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is below 2.</exception>
    public string ToPlainText(string? markdown, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var plain = Markdig.Markdown.ToPlainText(markdown, _pipeline);
        var folded = new StringBuilder(plain.Length);
        foreach (var c in plain)
        {
            if (char.IsWhiteSpace(c))
            {
                if (folded.Length > 0 && folded[^1] != ' ') folded.Append(' ');
            }
            else folded.Append(c);
        }

        var text = folded.ToString().Trim();
        if (text.Length <= maxLength) return text;
        var cut = text[..(maxLength - 1)];
        var lastSpace = cut.LastIndexOf(' ');
        if (lastSpace > maxLength / 2) cut = cut[..lastSpace];
        return cut.TrimEnd(' ', ',', ';', ':', '.') + "…";
    }

    private static HtmlSanitizer NewSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IHtmlAnchorElement anchor) return;
            var href = anchor.GetAttribute("href");
            if (href is null || !IsAbsoluteAllowed(href)) anchor.RemoveAttribute("href");
            anchor.SetAttribute("rel", LinkRel);
        };
        return sanitizer;
    }

    private static bool IsAbsoluteAllowed(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && AllowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
