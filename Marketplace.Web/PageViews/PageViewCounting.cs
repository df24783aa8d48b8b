using System.Text.RegularExpressions;
using Marketplace.Core.PageViews;

namespace Marketplace.Web.PageViews;

/// <summary>
/// Counts views of the public shop pages, <c>GET /c/{slug}</c> and <c>GET /c/{slug}/{listingId}</c>, in the
/// <see cref="PageViewCounter"/> (memory; written in batches by <see cref="PageViewFlusher"/>). Placed before the output
/// cache, so a page the cache answers is counted too; only a 200 counts (an unknown shop's 404 or a former address's
/// 301 do not). Nothing about the visitor is kept or looked at but the User-Agent header, to leave out bots
/// (<see cref="IsBot"/>): no cookie, no IP, no hash of either. Each view counts, so a reload counts again.
/// </summary>
public sealed partial class PageViewCounting(RequestDelegate next, PageViewCounter counter)
{
    /// <summary>Serves the request, then counts it when it was a shop page answered 200 to a person.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (!HttpMethods.IsGet(context.Request.Method) || context.Response.StatusCode != StatusCodes.Status200OK) return;
        var match = ShopPage().Match(context.Request.Path.Value ?? "");
        if (!match.Success || IsBot(context.Request.Headers.UserAgent.ToString())) return;
        var listingId = match.Groups[2].Success && int.TryParse(match.Groups[2].Value, out var id) ? id : PageViewDay.StorefrontPage;
        counter.Count(match.Groups[1].Value, listingId);
    }

    /// <summary>
    /// True for a request that is not a person's browser: no User-Agent, or one naming a crawler, a link preview or an
    /// HTTP library (bot, crawl, spider, slurp, preview, fetch, monitor, curl, wget, python, java, go-http, okhttp, …).
    /// </summary>
    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || BotWords().IsMatch(userAgent);

    [GeneratedRegex("^/c/([A-Za-z0-9-]{1,64})(?:/([0-9]{1,9}))?/?$")]
    private static partial Regex ShopPage();

    [GeneratedRegex("bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|fetch|monitor|lighthouse|curl|wget|python|java/|go-http|okhttp|axios|node-fetch|libwww|httpclient|scrapy",
        RegexOptions.IgnoreCase)]
    private static partial Regex BotWords();
}
