using Marketplace.Core.Accounts;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Configuration;

/// <summary>
/// Builds the absolute URLs of this app that leave it: Checkout's <c>success_url</c>/<c>cancel_url</c>, Connect's
/// <c>return_url</c>/<c>refresh_url</c> and the billing portal's <c>return_url</c>
/// (https://docs.stripe.com/api/checkout/sessions/create, https://docs.stripe.com/api/account_links/create).
/// With <c>App:PublicBaseUrl</c> set (e.g. <c>https://market.example.com</c>), every URL starts with it, whatever Host
/// header the request carried; without it (development, tests) the request's own scheme and host are used, so a
/// forged Host can only be refused by <c>AllowedHosts</c>.
/// </summary>
public sealed class PublicUrls(IOptions<AppOptions> app)
{
    /// <summary>
    /// The absolute URL of <paramref name="pathAndQuery"/> (starting with <c>/</c>) for <paramref name="request"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The path does not start with a single <c>/</c> (it would name another host).</exception>
    /// <exception cref="InvalidOperationException"><c>App:PublicBaseUrl</c> is not an absolute http(s) URL.</exception>
    public string For(HttpRequest request, string pathAndQuery)
    {
        if (!pathAndQuery.StartsWith('/') || pathAndQuery.StartsWith("//", StringComparison.Ordinal) || pathAndQuery.StartsWith("/\\", StringComparison.Ordinal))
            throw new ArgumentException("A local path starting with one '/' is expected.", nameof(pathAndQuery));
        var configured = app.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(configured)) return $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"App:PublicBaseUrl must be an absolute http(s) URL, not '{configured}'.");
        return configured.TrimEnd('/') + pathAndQuery;
    }

    /// <summary>
    /// The absolute URL of <paramref name="pathAndQuery"/> under <c>App:PublicBaseUrl</c> when that is an HTTPS URL;
    /// null otherwise (no base URL, or http): for what a third party must fetch from the internet, such as the product
    /// images of Stripe Checkout (https://docs.stripe.com/api/checkout/sessions/create).
    /// </summary>
    public string? PublicHttpsFor(string pathAndQuery)
    {
        var configured = app.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(configured) || !Uri.TryCreate(configured, UriKind.Absolute, out var baseUri) || baseUri.Scheme != "https") return null;
        if (!pathAndQuery.StartsWith('/') || pathAndQuery.StartsWith("//", StringComparison.Ordinal)) return null;
        return configured.TrimEnd('/') + pathAndQuery;
    }
}
