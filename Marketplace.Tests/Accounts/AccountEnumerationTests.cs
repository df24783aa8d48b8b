using System.Net;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// Issue 16, item 8: Register answers an email that has an account exactly as a new one (no "already taken"), and
/// changes nothing for the owner. (The login's timing, now the same for unknown emails, is measured, not asserted: the
/// machine is shared. See the README.)
/// </summary>
public sealed class AccountEnumerationTests : IClassFixture<MarketplaceFactory>
{
    private const string OwnerPassword = "Owner#12345";

    private readonly MarketplaceFactory _app;

    public AccountEnumerationTests(MarketplaceFactory app) => _app = app;

    [Fact]
    public async Task Register_EmailThatHasAnAccount_SameAnswerAsANewEmail()
    {
        var owned = $"o{Guid.NewGuid():N}@example.com";
        using (var owner = BrowserSession.For(_app)) (await owner.RegisterCreatorAsync(owned, "Owner", OwnerPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var newcomer = BrowserSession.For(_app);
        using var prober = BrowserSession.For(_app);

        var fresh = await newcomer.RegisterCreatorAsync($"n{Guid.NewGuid():N}@example.com", "Prober");
        var probe = await prober.RegisterCreatorAsync(owned, "Prober");

        probe.StatusCode.Should().Be(fresh.StatusCode);
        probe.Headers.Location.Should().Be(fresh.Headers.Location);
        (await probe.Content.ReadAsStringAsync()).Should().Be(await fresh.Content.ReadAsStringAsync()).And.NotContain("already taken");
    }

    [Fact]
    public async Task Register_EmailThatHasAnAccount_OwnerKeepsThePasswordProberNotSignedIn()
    {
        var owned = $"o{Guid.NewGuid():N}@example.com";
        using (var owner = BrowserSession.For(_app)) await owner.RegisterCreatorAsync(owned, "Owner", OwnerPassword);
        using var prober = BrowserSession.For(_app);

        await prober.RegisterCreatorAsync(owned, "Prober", "Prober#12345");

        (await prober.Client.GetAsync("/creator/subscription")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the prober is not signed in");
        using var again = BrowserSession.For(_app);
        (await again.LoginAsync(owned, "Prober#12345")).StatusCode.Should().Be(HttpStatusCode.OK, "the prober's password does not open the account");
        (await again.LoginAsync(owned, OwnerPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect, "the owner's password still does");
    }
}
