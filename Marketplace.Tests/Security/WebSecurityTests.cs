using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.States;
using Marketplace.Core.Accounts;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.Tests.Security;

/// <summary>
/// The web app against a browser-side attacker: forged POSTs (no antiforgery token), the admin area and the job
/// dashboard for anyone but an admin, and redirect parameters pointing at another host. The endpoints are read from the
/// app's own <see cref="EndpointDataSource"/>, so a new POST or admin page is covered without editing this test.
/// </summary>
public sealed partial class WebSecurityTests(MarketplaceFactory app, ITestOutputHelper output) : IClassFixture<MarketplaceFactory>
{
    private static readonly string[] StateChangingMethods = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    [Fact]
    public async Task Post_EveryStateChangingEndpointWithoutAntiforgeryToken_Returns400()
    {
        var targets = StateChangingEndpoints().ToList();
        targets.Should().Contain(t => t.Path.StartsWith("/creator/", StringComparison.Ordinal), "the enumeration finds the creator's forms");
        targets.Should().Contain(t => t.Path.StartsWith("/admin/", StringComparison.Ordinal));
        targets.Should().Contain(t => t.Path == "/Identity/Account/Login");
        using var creator = await CreatorAsync();
        using var admin = await AdminAsync();

        var answers = new List<(int Status, int Expected, string Line)>();
        foreach (var (path, needsAdmin, jsonOnly) in targets)
        {
            // Signed in with the role the endpoint requires (authorization runs first), with the antiforgery cookie a
            // visited form left behind, as a victim's browser would send it: only the form token is missing.
            var session = needsAdmin ? admin : creator;
            using var response = await session.Client.PostAsync(path, new FormUrlEncodedContent([new("interval", "month"), new("Name", "x")]));
            // A JSON-only API has no form token: a cross-site form can only send form, multipart or text bodies, which
            // it must refuse with 415 before doing anything.
            var expected = jsonOnly ? 415 : 400;
            answers.Add(((int)response.StatusCode, expected, $"{(int)response.StatusCode} POST {path} (expected {expected})"));
        }

        output.WriteLine($"{targets.Count} state-changing endpoints:\n" + string.Join('\n', answers.Select(a => a.Line)));
        answers.Where(a => a.Status != a.Expected).Select(a => a.Line).Should().BeEmpty();
    }

    [Fact]
    public async Task HangfireDashboardPost_AdminWithoutAntiforgeryToken_RefusedAndJobUntouched()
    {
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var jobId = jobs.Enqueue<Core.Webhooks.Processing.WebhookRecoveryJob>(j => j.RunAsync(120, null, CancellationToken.None));
        using var admin = await AdminAsync();

        using var response = await admin.Client.PostAsync("/hangfire/jobs/enqueued/delete", new FormUrlEncodedContent([new("jobs[]", jobId)]));

        ((int)response.StatusCode).Should().BeInRange(400, 499);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        connection.GetJobData(jobId)!.State.Should().Be(EnqueuedState.StateName);
    }

    [Fact]
    public async Task AdminAndDashboard_Anonymous_SentToLogin()
    {
        using var anonymous = BrowserSession.For(app);
        foreach (var (method, path) in AdminEndpoints())
        {
            using var response = await anonymous.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{method} {path}");
            response.Headers.Location!.AbsolutePath.Should().Be("/Identity/Account/Login", $"{method} {path}");
        }
    }

    [Fact]
    public async Task AdminAndDashboard_Creator_Returns403()
    {
        using var creator = await CreatorAsync();
        foreach (var (method, path) in AdminEndpoints())
        {
            using var response = await creator.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{method} {path}");
        }
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Login_ReturnUrlToAnotherHost_RedirectsWithinTheApp(string returnUrl)
    {
        using var admin = BrowserSession.For(app);
        var query = "?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

        var response = await admin.SubmitFormAsync("/Identity/Account/Login" + query, new Dictionary<string, string>
        {
            ["Input.Email"] = MarketplaceFactory.AdminEmail,
            ["Input.Password"] = MarketplaceFactory.AdminPassword,
            ["Input.RememberMe"] = "false",
        });

        AssertStaysOnTheApp(response, returnUrl);
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Register_ReturnUrlToAnotherHost_RedirectsWithinTheApp(string returnUrl)
    {
        using var browser = BrowserSession.For(app);
        var query = "?returnUrl=" + Uri.EscapeDataString(returnUrl);
        const string password = "Creator#12345";

        var response = await browser.SubmitFormAsync("/Identity/Account/Register" + query, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Redirected",
            ["Input.Email"] = $"r{Guid.NewGuid():N}@example.com",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

        AssertStaysOnTheApp(response, returnUrl);
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Logout_ReturnUrlToAnotherHost_RedirectsWithinTheApp(string returnUrl)
    {
        using var creator = await CreatorAsync();

        var response = await creator.SubmitFormAsync("/creator/subscription", new Dictionary<string, string>(),
            "/Identity/Account/Logout?returnUrl=" + Uri.EscapeDataString(returnUrl));

        AssertStaysOnTheApp(response, returnUrl);
    }

    /// <summary>Open-redirect shapes: absolute, scheme-relative, backslash tricks, encoded, javascript.</summary>
    public static TheoryData<string> ForeignReturnUrls() =>
    [
        "https://evil.example/phish", "//evil.example/phish", "/\\evil.example/phish", "\\\\evil.example", "https:evil.example",
        "javascript:alert(1)", "%2F%2Fevil.example", "/%09/evil.example", "http://localhost@evil.example/",
    ];

    private static void AssertStaysOnTheApp(HttpResponseMessage response, string returnUrl)
    {
        if ((int)response.StatusCode >= 500)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            throw new Xunit.Sdk.XunitException($"returnUrl {returnUrl}: {(int)response.StatusCode}\n{(body.Length > 3000 ? body[..3000] : body)}");
        }

        if (response.Headers.Location is not { } location) return; // the same page again (e.g. a message): nobody leaves
        var target = location.OriginalString;
        target.Should().StartWith("/", $"returnUrl {returnUrl} → {target}");
        target.Should().NotStartWith("//").And.NotStartWith("/\\");
        new Uri(new Uri("http://app.local"), target).Host.Should().Be("app.local", $"returnUrl {returnUrl} → {target}");
    }

    /// <summary>
    /// Every endpoint that takes a POST (or PUT, PATCH, DELETE) with a path to send it to, and whether it needs the admin;
    /// Razor Pages (the Identity UI) take POSTs without declaring methods, so every page is included. Webhooks are exempt
    /// by design (Stripe signs them); the Hangfire dashboard is checked apart (it has its own antiforgery check).
    /// </summary>
    private IEnumerable<(string Path, bool NeedsAdmin, bool JsonOnly)> StateChangingEndpoints()
    {
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            if (!isPage && !methods.Any(m => StateChangingMethods.Contains(m, StringComparer.OrdinalIgnoreCase))) continue;
            var path = Fill(endpoint.RoutePattern.RawText!);
            if (path.StartsWith("/api/webhooks/", StringComparison.Ordinal)) continue;
            var needsAdmin = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Any(a => a.Policy == Roles.Admin || (a.Roles?.Split(',').Contains(Roles.Admin) ?? false));
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? [];
            var jsonOnly = accepts.Count > 0 && accepts.All(c => c.StartsWith("application/json", StringComparison.OrdinalIgnoreCase));
            yield return (path, needsAdmin, jsonOnly);
        }
    }

    /// <summary>Every admin page and action (GET and POST, as routed) and the dashboard's pages and commands.</summary>
    private IEnumerable<(string Method, string Path)> AdminEndpoints()
    {
        var admin = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get]).Select(m => (m, Fill(e.RoutePattern.RawText!))))
            .Distinct().ToList();
        admin.Should().Contain(e => e.Item2 == "/admin/plans", "the enumeration finds the admin area");
        return admin.Concat([("GET", "/hangfire"), ("GET", "/hangfire/jobs/enqueued"), ("GET", "/hangfire/recurring"), ("POST", "/hangfire/stats"),
            ("POST", "/hangfire/recurring/trigger")]);
    }

    private static string Fill(string template) => RouteTemplates.Fill(template);

    private async Task<BrowserSession> CreatorAsync()
    {
        var session = BrowserSession.For(app);
        (await session.RegisterCreatorAsync($"sec{Guid.NewGuid():N}@example.com", "Security")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return session;
    }

    private async Task<BrowserSession> AdminAsync()
    {
        var session = BrowserSession.For(app);
        (await session.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return session;
    }
}
