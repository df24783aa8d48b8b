using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Marketplace.SystemTests.Browser.Accessibility;

/// <summary>
/// Audits one page already open in a browser: axe-core's rules (https://github.com/dequelabs/axe-core, injected by
/// Deque.AxeCore.Playwright; the context must bypass the site's CSP) and, on a phone-sized window, the layout checks a
/// person would notice: the document scrolling sideways, and the footer lying over the page's content.
/// </summary>
public static class PageAudit
{
    /// <summary>The impacts the audit refuses (axe's four are minor, moderate, serious, critical).</summary>
    public static readonly string[] RefusedImpacts = ["serious", "critical"];

    /// <summary>
    /// Runs axe on <paramref name="page"/> and returns one line per serious or critical violation and element:
    /// <c>{where}: {rule} ({impact}) at {css target}: {help}</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => RefusedImpacts.Contains(v.Impact))
            .SelectMany(v => v.Nodes.Select(n => $"{where}: {v.Id} ({v.Impact}) at {n.Target}: {v.Help}"))];
    }

    /// <summary>
    /// The layout faults of <paramref name="page"/>: the document wider than the window (it scrolls sideways), or the
    /// footer's top above the bottom of the main content (it covers it, e.g. a pager). Empty when none.
    /// </summary>
    public static async Task<IReadOnlyList<string>> LayoutFaultsAsync(IPage page, string where)
    {
        var m = await page.EvaluateAsync<LayoutMeasure>("""
            () => {
              const main = document.querySelector('main');
              const footer = document.querySelector('footer');
              const bottom = el => el ? el.getBoundingClientRect().bottom + window.scrollY : 0;
              const top = el => el ? el.getBoundingClientRect().top + window.scrollY : 0;
              const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-scroll'))
                .slice(0, 3).map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''));
              return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
                       mainBottom: bottom(main), footerTop: top(footer), widest: wide.join(', ') };
            }
            """);
        var faults = new List<string>();
        if (m.ScrollWidth > m.InnerWidth)
            faults.Add($"{where}: the document is {m.ScrollWidth} px wide on a {m.InnerWidth} px window (wider: {m.Widest})");
        if (m.FooterTop + 0.5 < m.MainBottom)
            faults.Add($"{where}: the footer (top {m.FooterTop:0} px) covers the content (bottom {m.MainBottom:0} px)");
        return faults;
    }

    /// <summary>What <see cref="LayoutFaultsAsync"/> measures in the page, in CSS pixels (settable: Playwright fills it from the script's object).</summary>
    public sealed class LayoutMeasure
    {
        /// <summary><c>document.documentElement.scrollWidth</c>.</summary>
        public int ScrollWidth { get; set; }

        /// <summary><c>window.innerWidth</c>.</summary>
        public int InnerWidth { get; set; }

        /// <summary>The bottom of <c>main</c> in the document.</summary>
        public double MainBottom { get; set; }

        /// <summary>The top of <c>footer</c> in the document.</summary>
        public double FooterTop { get; set; }

        /// <summary>Up to three elements reaching past the window's right edge, outside table boxes.</summary>
        public string Widest { get; set; } = "";
    }
}
