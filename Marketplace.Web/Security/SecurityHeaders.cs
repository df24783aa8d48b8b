using Microsoft.AspNetCore.Antiforgery;

namespace Marketplace.Web.Security;

/// <summary>
/// Response headers every answer carries, whatever produced it (MVC, Razor Pages, static files, the Hangfire dashboard,
/// status pages, errors): a Content Security Policy without inline script that forbids framing, <c>nosniff</c>,
/// <c>strict-origin-when-cross-origin</c> referrers, and <c>X-Frame-Options: DENY</c> for browsers that ignore
/// <c>frame-ancestors</c> (https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy).
/// First of all it applies <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> from the configured known proxies only
/// (<see cref="ForwardedHeadersSetup"/>; none by default). Outside Development it also redirects HTTP to HTTPS when an HTTPS port is known
/// (<c>https_port</c> / <c>ASPNETCORE_HTTPS_PORT</c>, or an https Kestrel address); cookies are <c>Secure</c> whenever the
/// request is HTTPS, which behind a TLS proxy the forwarded scheme makes it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy: scripts, styles, fonts, images and fetches from this origin only (images also as <c>data:</c> URIs,
    /// which Bootstrap's CSS uses); inline <c>style</c> attributes allowed (the admin chart's SVG sizes itself with one),
    /// inline <c>&lt;script&gt;</c> and <c>&lt;style&gt;</c> elements refused; no plugins, no foreign base, never framed.
    /// No <c>form-action</c>: forms post here and are then redirected to Stripe, which that directive would block.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>Antiforgery no longer adds its own <c>X-Frame-Options: SAMEORIGIN</c> (every response now says DENY).</summary>
    public static IServiceCollection AddMarketplaceSecurityHeaders(this IServiceCollection services)
    {
        services.Configure<AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true);
        return services;
    }

    /// <summary>First in the pipeline: forwarded headers from known proxies, HTTPS redirection outside Development, then the headers on every response.</summary>
    public static WebApplication UseMarketplaceSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders(); // trusts only ForwardedHeaders:KnownProxies/KnownNetworks: nothing when none is set
        if (!app.Environment.IsDevelopment()) app.UseHttpsRedirection();

        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }
}
