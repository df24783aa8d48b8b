using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Security;

/// <summary>
/// Identity UI's pages the app does not use (two-factor, external logins, email change, personal data download) are not
/// routed: 404 for a visitor and a signed-in creator, GET and POST, and absent from the endpoint data source that the
/// every-page tests enumerate. The pages the app does use still answer.
/// </summary>
public sealed class UnusedIdentityPagesTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Get_EveryUnusedIdentityPage_404ForVisitorAndCreator()
    {
        using var visitor = BrowserSession.For(app);
        using var creator = BrowserSession.For(app);
        (await creator.RegisterCreatorAsync($"u{Guid.NewGuid():N}@example.com", "Unused")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var answers = new List<string>();
        foreach (var session in new[] { visitor, creator })
        {
            foreach (var path in UnusedIdentityPages.Paths)
            {
                using var get = await session.Client.GetAsync(path);
                using var post = await session.Client.PostAsync(path, new FormUrlEncodedContent([]));
                answers.Add($"GET {path} {(int)get.StatusCode}");
                answers.Add($"POST {path} {(int)post.StatusCode}");
            }
        }

        answers.Should().HaveCount(UnusedIdentityPages.Paths.Count * 4).And.OnlyContain(a => a.EndsWith(" 404", StringComparison.Ordinal));
    }

    [Fact]
    public void EndpointDataSource_UnusedIdentityPages_AbsentUsedOnesPresent()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

        routes.Should().NotContain(UnusedIdentityPages.Paths);
        routes.Should().Contain(["/Identity/Account/Login", "/Identity/Account/ResetPassword", "/Identity/Account/ConfirmEmail",
            "/Identity/Account/ForgotPasswordConfirmation", "/Identity/Account/ResetPasswordConfirmation", "/Identity/Account/RegisterConfirmation",
            "/Identity/Account/Manage/ChangePassword"]);
    }

    [Fact]
    public async Task Get_ResetPasswordWithoutCode_400NotA500()
    {
        using var visitor = BrowserSession.For(app);

        using var response = await visitor.Client.GetAsync("/Identity/Account/ResetPassword");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
