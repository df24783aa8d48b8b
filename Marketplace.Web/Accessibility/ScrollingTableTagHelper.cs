using Marketplace.Web.Localization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Accessibility;

/// <summary>
/// Puts every <c>&lt;table&gt;</c> of the app's views in a box of its own that scrolls sideways
/// (<c>&lt;div class="table-scroll" role="region" tabindex="0" aria-label="…"&gt;</c>, styled in <c>wwwroot/css/site.css</c>):
/// on a phone a wide table scrolls inside its box instead of widening the page, and a keyboard user can focus the box
/// and scroll it with the arrow keys (WCAG 2.1.1; axe's <c>scrollable-region-focusable</c>). The box is named by the
/// table's <c>aria-label</c> when it has one, else by a localized "Table" label. A table marked
/// <c>data-no-scroll</c> (e.g. one inside a box that scrolls already) is left as it is.
/// </summary>
[HtmlTargetElement("table")]
public sealed class ScrollingTableTagHelper(IStringLocalizer<SharedResource> text) : TagHelper
{
    /// <summary>After the built-in tag helpers, so that their output is what gets wrapped.</summary>
    public override int Order => 1000;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("data-no-scroll")) return;
        var label = output.Attributes.TryGetAttribute("aria-label", out var own) && own.Value?.ToString() is { Length: > 0 } named
            ? named
            : text["Table (scrolls sideways on a small screen)"].Value;
        output.PreElement.AppendHtml("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"");
        output.PreElement.Append(label);
        output.PreElement.AppendHtml("\">");
        output.PostElement.AppendHtml("</div>");
    }
}
