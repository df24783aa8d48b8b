using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.Tests.Localization;

/// <summary>
/// Every GET page of the app (read from its <see cref="EndpointDataSource"/>, as the security suite does, so a new page
/// is covered without editing this test), for a visitor, a creator and an admin, in English and in French: each HTML
/// answer says <c>&lt;html lang="en|fr"&gt;</c> and the app looked up no resource key it does not have.
/// </summary>
public sealed partial class EveryPageInBothCulturesTests(LocalizationFactory app, ITestOutputHelper output) : IClassFixture<LocalizationFactory>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Get_EveryPageForEveryRole_RightLangAndNoMissingResource(string culture)
    {
        var paths = GetPages().Distinct().ToList();
        paths.Should().Contain("/pricing").And.Contain("/creator/subscription").And.Contain("/admin/plans").And.Contain("/Identity/Account/Login");
        using var visitor = BrowserSession.For(app);
        using var creator = BrowserSession.For(app);
        (await creator.RegisterCreatorAsync($"l10n{Guid.NewGuid():N}@example.com", "Langues")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var admin = BrowserSession.For(app);
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        app.Recorder.Clear();

        var problems = new List<string>();
        var rendered = 0;
        foreach (var (role, session) in new[] { ("visitor", visitor), ("creator", creator), ("admin", admin) })
        {
            foreach (var path in paths)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.AcceptLanguage.ParseAdd(culture);
                using var response = await session.Client.SendAsync(request);
                var line = $"{role} GET {path} → {(int)response.StatusCode}";
                if ((int)response.StatusCode >= 500) problems.Add(line);
                if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                var html = await response.Content.ReadAsStringAsync();
                var lang = HtmlLang().Match(html);
                if (!lang.Success || lang.Groups[1].Value != culture) problems.Add($"{line}: <html lang=\"{(lang.Success ? lang.Groups[1].Value : "?")}\">");
                if (Placeholder().Match(html) is { Success: true } placeholder) problems.Add($"{line}: unformatted {placeholder.Groups[1].Value}");
                problems.AddRange(app.Recorder.Missing.Select(m => $"{line}: missing {m}"));
                app.Recorder.Clear();
                rendered++;
            }
        }

        output.WriteLine($"{rendered} pages rendered in {culture} ({paths.Count} GET routes × 3 roles)");
        rendered.Should().BeGreaterThan(paths.Count, "most routes answer a page to at least one role");
        problems.Should().BeEmpty(string.Join('\n', problems));
    }

    /// <summary>The GET routes of MVC and Razor Pages, parameters filled; not the JSON APIs, webhooks, health or the job dashboard.</summary>
    private IEnumerable<string> GetPages()
    {
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            if (!isPage && !(methods ?? []).Contains(HttpMethods.Get)) continue;
            var template = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (Skipped.Any(s => template.StartsWith(s, StringComparison.OrdinalIgnoreCase))) continue;
            if (template.Contains("**", StringComparison.Ordinal)) continue;
            yield return RouteTemplates.Fill(template);
        }
    }

    private static readonly string[] Skipped = ["api/", "health", "hangfire", "_emulator", "status/"];

    [GeneratedRegex("<html lang=\"([^\"]*)\"")]
    private static partial Regex HtmlLang();

    /// <summary>A composite-format placeholder left in a page's text (not in attributes such as <c>pattern="[A-Z]{3}"</c>):
    /// a resource shown without its arguments.</summary>
    [GeneratedRegex(@">[^<]*?(\{\d+(:[^}]*)?\})")]
    private static partial Regex Placeholder();
}
