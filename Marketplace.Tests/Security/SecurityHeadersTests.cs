using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.Tests.Security;

/// <summary>
/// Every GET page (read from the app's own <see cref="EndpointDataSource"/>, plus static files, the Hangfire dashboard and
/// status pages), for a visitor, a creator and the admin, carries the security headers, and no HTML page holds an
/// inline script (the policy would block it).
/// </summary>
public sealed partial class SecurityHeadersTests(MarketplaceFactory app, ITestOutputHelper output) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Get_EveryPageForEveryRole_CarriesSecurityHeadersAndNoInlineScript()
    {
        var paths = GetPaths().ToList();
        paths.Should().Contain("/admin/plans").And.Contain("/creator/subscription");
        using var anonymous = BrowserSession.For(app);
        using var creator = BrowserSession.For(app);
        (await creator.RegisterCreatorAsync($"headers{Guid.NewGuid():N}@example.com", "Headers")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var admin = BrowserSession.For(app);
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var failures = new List<string>();
        var checkedHtml = 0;
        foreach (var (who, session) in new[] { ("visitor", anonymous), ("creator", creator), ("admin", admin) })
        foreach (var path in paths)
        {
            using var response = await session.Client.GetAsync(path);
            var line = $"{who} GET {path} → {(int)response.StatusCode}";
            if (!response.Headers.TryGetValues("Content-Security-Policy", out var csp) || csp.Single() != SecurityHeaders.ContentSecurityPolicy)
                failures.Add(line + ": Content-Security-Policy");
            if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || sniff.Single() != "nosniff")
                failures.Add(line + ": X-Content-Type-Options");
            if (!response.Headers.TryGetValues("Referrer-Policy", out var referrer) || referrer.Single() != "strict-origin-when-cross-origin")
                failures.Add(line + ": Referrer-Policy");
            if (!response.Headers.TryGetValues("X-Frame-Options", out var frame) || frame.Single() != "DENY")
                failures.Add(line + ": X-Frame-Options (exactly one, DENY)");
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                checkedHtml++;
                var html = await response.Content.ReadAsStringAsync();
                foreach (Match inline in InlineScript().Matches(html)) failures.Add($"{line}: inline script {inline.Value}");
            }
        }

        output.WriteLine($"{paths.Count} paths × 3 roles, {checkedHtml} HTML answers read");
        checkedHtml.Should().BeGreaterThan(paths.Count, "pages render for at least one role each");
        failures.Should().BeEmpty();
    }

    /// <summary>Every GET route with parameters filled (<c>1</c> for numbers, <c>x</c> otherwise), and a few the routing table does not list.</summary>
    private IEnumerable<string> GetPaths()
    {
        var routed = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains(HttpMethods.Get))
            .Select(e => RouteTemplates.Fill(e.RoutePattern.RawText!))
            .Where(p => !p.StartsWith("/api/webhooks/", StringComparison.Ordinal));
        return routed.Concat(["/css/site.css", "/favicon.ico", "/hangfire", "/hangfire/jobs/enqueued", "/no/such/page"]).Distinct();
    }

    /// <summary>A <c>&lt;script&gt;</c> element without <c>src</c> (an inline script, JSON data blocks excepted).</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*type=""application/(ld\+)?json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
