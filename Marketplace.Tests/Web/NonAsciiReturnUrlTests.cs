using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Web;

/// <summary>
/// Issue 16, item 10: a <c>returnUrl</c> with non-ASCII characters (<c>/%E3%80%82evil</c>) is an unsafe return URL like
/// any other: login and logout go home, signed in (or out) as asked. On Kestrel, whose header check made it a 500 (the
/// in-memory test server does not check headers).
/// </summary>
public sealed class NonAsciiReturnUrlTests(LiveMarketplaceFactory app) : IClassFixture<LiveMarketplaceFactory>
{
    [Theory]
    [InlineData("/%E3%80%82evil")]
    [InlineData("/caf%C3%A9")]
    public async Task Login_NonAsciiReturnUrl_SignsInAndGoesHome(string returnUrl)
    {
        using var browser = app.NewBrowser();

        var response = await browser.SubmitFormAsync("/Identity/Account/Login?ReturnUrl=" + returnUrl, new Dictionary<string, string>
        {
            ["Input.Email"] = MarketplaceFactory.AdminEmail,
            ["Input.Password"] = MarketplaceFactory.AdminPassword,
            ["Input.RememberMe"] = "false",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        (await browser.Client.GetAsync("/admin")).StatusCode.Should().Be(HttpStatusCode.OK, "signed in");
    }

    [Fact]
    public async Task Logout_NonAsciiReturnUrl_SignsOutAndGoesHome()
    {
        using var browser = app.NewBrowser();
        await browser.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);

        var response = await browser.SubmitFormAsync("/admin", new Dictionary<string, string>(), "/Identity/Account/Logout?returnUrl=/%E3%80%82evil");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        (await browser.Client.GetAsync("/admin")).StatusCode.Should().NotBe(HttpStatusCode.OK, "signed out");
    }
}
