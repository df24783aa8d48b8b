using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Jobs;

public sealed class HangfireDashboardTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _factory;

    public HangfireDashboardTests(MarketplaceFactory factory) => _factory = factory;

    [Fact]
    public async Task Dashboard_Anonymous_RedirectsToLogin()
    {
        using var browser = BrowserSession.For(_factory);

        var response = await browser.Client.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Identity/Account/Login");
    }

    [Fact]
    public async Task Dashboard_Creator_Returns403()
    {
        using var browser = BrowserSession.For(_factory);
        await browser.RegisterCreatorAsync($"c{Guid.NewGuid():N}@example.com", "Creator");

        var response = await browser.Client.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Access denied");
    }

    [Fact]
    public async Task Dashboard_Admin_Returns200WithAppTitle()
    {
        using var browser = BrowserSession.For(_factory);
        var login = await browser.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await browser.Client.GetAsync("/hangfire");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Marketplace · background jobs");
    }
}
