using System.Net;
using System.Net.Http.Headers;
using Marketplace.Tests.Admin;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Web;

/// <summary>
/// Output caching of the anonymous pages (<c>Caching/PageOutputCaching.cs</c>): an answer served from the cache carries
/// <c>Age</c> (ASP.NET Core's output cache adds it), a fresh one does not. Entries live an hour here, so no test depends
/// on timing.
/// </summary>
public sealed class PageCachingTests : IAsyncLifetime
{
    private readonly MarketplaceFactory _app = new() { Settings = new Dictionary<string, string?> { ["Caching:PageSeconds"] = "3600" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pricing_AdminSavesAPrice_NextVisitorSeesTheNewPrice()
    {
        using var visitor = _app.CreateClient();
        (await GetAsync(visitor, "/pricing")).Cached.Should().BeFalse();
        (await GetAsync(visitor, "/pricing")).Cached.Should().BeTrue("the second visit is served from the output cache");
        var goldId = await _app.WithDbAsync(db => db.Plans.Where(p => p.Code == "GOLD").Select(p => p.Id).SingleAsync());
        using var admin = BrowserSession.For(_app);
        await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);

        (await admin.SubmitFormAsync($"/admin/plans/{goldId}/edit", AdminPlansTests.Form("GOLD", "Gold", "eur", "55.00", "550"))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var after = await GetAsync(visitor, "/pricing");
        after.Cached.Should().BeFalse("saving a plan evicts the pages that show plans");
        after.Html.Should().Contain("€55.00");
    }

    [Fact]
    public async Task Pricing_SignedInCreator_NeitherServedNorStoredFromTheCache()
    {
        using var visitor = _app.CreateClient();
        await GetAsync(visitor, "/pricing");
        (await GetAsync(visitor, "/pricing")).Cached.Should().BeTrue();
        var email = $"{Guid.NewGuid():N}@example.com";
        using var creator = BrowserSession.For(_app);
        await creator.RegisterCreatorAsync(email, "Cached creator");

        var signedIn = await GetAsync(creator.Client, "/pricing");

        signedIn.Cached.Should().BeFalse();
        signedIn.Html.Should().Contain(email, "the signed-in page is the creator's own");
        var next = await GetAsync(visitor, "/pricing");
        next.Cached.Should().BeTrue();
        next.Html.Should().NotContain(email);
    }

    [Fact]
    public async Task Pricing_AnotherCulture_CachedSeparately()
    {
        using var visitor = _app.CreateClient();
        (await GetAsync(visitor, "/pricing", "en")).Cached.Should().BeFalse();
        (await GetAsync(visitor, "/pricing", "en")).Cached.Should().BeTrue();

        (await GetAsync(visitor, "/pricing", "fr")).Cached.Should().BeFalse("French visitors get their own entry");
        (await GetAsync(visitor, "/pricing", "fr")).Cached.Should().BeTrue();
        (await GetAsync(visitor, "/pricing", "fr-BE")).Cached.Should().BeTrue("fr-BE falls back to fr, the same culture");
    }

    [Fact]
    public async Task Home_Visitor_CachedLikePricing()
    {
        using var visitor = _app.CreateClient();
        (await GetAsync(visitor, "/")).Cached.Should().BeFalse();

        (await GetAsync(visitor, "/")).Cached.Should().BeTrue();
    }

    private static async Task<(bool Cached, string Html)> GetAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null) request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }
}
