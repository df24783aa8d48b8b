using Marketplace.Web.Orders;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Web.Caching;

/// <summary>
/// The storefront's output-cache policy (<see cref="PageOutputCaching.Storefront"/>): <see cref="AnonymousPagePolicy"/>,
/// and every 200 answer, rendered or served from the cache, gives a browser without one its own
/// <see cref="BuyerKey"/> cookie, so a double click on Buy still finds the first click's order. The cookie is added
/// when the response starts, after the cache copied the headers it keeps (at the first body write) and after
/// <see cref="AnonymousPagePolicy"/> noted whether the answer set a cookie of its own: a cached answer never holds one
/// visitor's key. As a second guard, a buyer key cookie found in the headers then (one that came from a cache entry)
/// is dropped before this browser's is added.
/// </summary>
internal sealed class StorefrontPagePolicy(AnonymousPagePolicy page) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Registered before the page policy's callback, so it runs after it (OnStarting runs last to first).
        context.HttpContext.Response.OnStarting(IssueBuyerKey, context.HttpContext);
        return page.CacheRequestAsync(context, cancellation);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        page.ServeFromCacheAsync(context, cancellation);

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) =>
        page.ServeResponseAsync(context, cancellation);

    private static Task IssueBuyerKey(object state)
    {
        var http = (HttpContext)state;
        var headers = http.Response.Headers;
        var prefix = BuyerKey.CookieName + "=";
        var ours = http.Items[BuyerKey.CookieName] is string issued ? prefix + issued + ";" : null; // issued by this request
        bool Foreign(string? cookie) => cookie?.StartsWith(prefix, StringComparison.Ordinal) == true
                                        && (ours is null || !cookie.StartsWith(ours, StringComparison.Ordinal));
        if (headers.SetCookie.Any(Foreign))
        {
            string[] kept = [.. headers.SetCookie.Where(c => !Foreign(c)).OfType<string>()];
            if (kept.Length == 0) headers.Remove(HeaderNames.SetCookie);
            else headers.SetCookie = kept;
        }

        if (http.Response.StatusCode == StatusCodes.Status200OK) BuyerKey.GetOrCreate(http);
        return Task.CompletedTask;
    }
}
