using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Security;

/// <summary>The live app checking the security stamp on every request (Security:SessionValidationSeconds=0).</summary>
public sealed class StampEveryRequestFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?> { ["Security:SessionValidationSeconds"] = "0" });

/// <summary>"Sign out everywhere else" on the profile page ends the account's other sessions, not this one.</summary>
public sealed class SignOutEverywhereTests(StampEveryRequestFactory app) : IClassFixture<StampEveryRequestFactory>
{
    [Fact]
    public async Task SignOutEverywhere_OtherBrowserOfTheSameAccount_SentToTheLoginPage()
    {
        var email = $"s{Guid.NewGuid():N}@example.com";
        using var here = app.NewBrowser();
        using var elsewhere = app.NewBrowser();
        await here.RegisterCreatorAsync(email, "Two browsers", "Owner#12345");
        (await elsewhere.LoginAsync(email, "Owner#12345")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await elsewhere.Client.GetAsync("/Identity/Account/Manage")).StatusCode.Should().Be(HttpStatusCode.OK);

        var done = await here.SubmitFormAsync("/Identity/Account/Manage", new Dictionary<string, string>(), "/Identity/Account/Manage?handler=SignOutEverywhere");

        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await here.Client.GetStringAsync("/Identity/Account/Manage"));
        page.Should().Contain("Every other session of your account has been signed out.");
        var other = await elsewhere.Client.GetAsync("/Identity/Account/Manage");
        other.StatusCode.Should().Be(HttpStatusCode.Redirect);
        other.Headers.Location!.ToString().Should().Contain("/Identity/Account/Login");
    }
}
