using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Web.Caching;

/// <summary>
/// The output-cache policy of the public pages (<see cref="PageOutputCaching.AnonymousPage"/>): like ASP.NET Core's
/// default policy, only GET/HEAD requests without <c>Authorization</c> from a visitor who is not signed in, and only
/// 200 answers without <c>Set-Cookie</c>; in addition never an answer marked <c>no-store</c>, <c>no-cache</c> or
/// <c>private</c> (antiforgery marks every answer that carries a form token so, and such a token belongs to one
/// visitor's cookie). <c>Set-Cookie</c> is judged on the headers as the response started, which are the headers the
/// cache keeps (it copies them at the first body write; a cookie added later by a callback that runs when the response
/// starts is not kept, see <see cref="StorefrontPagePolicy"/>). The key varies by path, every query value and the request's culture and UI culture (from
/// <see cref="IRequestCultureFeature"/>, set by <c>UseRequestLocalization</c> earlier in the pipeline: the culture
/// cookie, <c>?culture=</c> or <c>Accept-Language</c>). Entries live <c>Caching:PageSeconds</c>.
/// Follows https://learn.microsoft.com/aspnet/core/performance/caching/output.
/// </summary>
internal sealed class AnonymousPagePolicy(TimeSpan lifetime, string[] tags) : IOutputCachePolicy
{
    private static readonly object CookiesAtStart = new();

    // Runs when the response starts, before the callbacks registered earlier in the request (they run last to first).
    private static Task RecordCookiesAtStart(object state)
    {
        var http = (HttpContext)state;
        http.Items[CookiesAtStart] = http.Response.Headers.ContainsKey(HeaderNames.SetCookie);
        return Task.CompletedTask;
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var attempt = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        attempt &= string.IsNullOrEmpty(http.Request.Headers.Authorization) && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        var culture = http.Features.Get<IRequestCultureFeature>()?.RequestCulture;
        context.CacheVaryByRules.VaryByValues["culture"] = $"{culture?.Culture.Name}|{culture?.UICulture.Name}";
        context.ResponseExpirationTimeSpan = lifetime;
        foreach (var tag in tags) context.Tags.Add(tag);
        if (attempt) http.Response.OnStarting(RecordCookiesAtStart, http);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        var cacheControl = response.Headers.CacheControl.ToString();
        var setsCookie = context.HttpContext.Items.TryGetValue(CookiesAtStart, out var atStart) && atStart is bool recorded
            ? recorded
            : response.Headers.ContainsKey(HeaderNames.SetCookie);
        if (response.StatusCode != StatusCodes.Status200OK || setsCookie
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
