using System.Net;
using System.Net.Http.Headers;
using Marketplace.Tests.Admin;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Marketplace.Web.Orders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Web;

/// <summary>
/// Output caching of the anonymous pages and the storefront (<c>Caching/PageOutputCaching.cs</c>): an answer served from
/// the cache carries <c>Age</c> (ASP.NET Core's output cache adds it), a fresh one does not. Entries live an hour here,
/// so no test depends on timing.
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

    [Fact]
    public async Task Storefront_Visitors_SecondServedFromTheCacheEachWithTheirOwnBuyerKey()
    {
        var slug = await ShopWithListingAsync("Cached mug");
        using var first = Cookieless();
        using var second = Cookieless();

        using var fresh = await first.GetAsync($"/c/{slug}");
        using var cached = await second.GetAsync($"/c/{slug}");

        fresh.Headers.Age.Should().BeNull();
        cached.Headers.Age.Should().NotBeNull("the second visitor is served from the output cache");
        (await cached.Content.ReadAsStringAsync()).Should().Contain("Cached mug").And.NotContain("__RequestVerificationToken");
        var firstKey = BuyerKeys(fresh).Should().ContainSingle().Subject;
        var secondKey = BuyerKeys(cached).Should().ContainSingle("the cached answer sets only this browser's own key").Subject;
        secondKey.Should().NotBe(firstKey, "a cached answer never carries another visitor's cookie");
        cached.Headers.TryGetValues("Set-Cookie", out var cookies);
        cookies.Should().ContainSingle("no other cookie (antiforgery, session) rides on a cached storefront");
    }

    [Fact]
    public async Task Storefront_VisitorWithABuyerKey_ServedFromTheCacheWithoutANewCookie()
    {
        var slug = await ShopWithListingAsync("Kept key");
        using var visitor = BrowserSession.For(_app);
        await visitor.Client.GetAsync($"/c/{slug}");

        using var again = await visitor.Client.GetAsync($"/c/{slug}");

        again.Headers.Age.Should().NotBeNull();
        again.Headers.Contains("Set-Cookie").Should().BeFalse("the browser already has its key");
    }

    [Fact]
    public async Task Storefront_AnotherCulture_CachedSeparately()
    {
        var slug = await ShopWithListingAsync("Bol");
        using var visitor = _app.CreateClient();
        (await GetAsync(visitor, $"/c/{slug}", "en")).Cached.Should().BeFalse();
        (await GetAsync(visitor, $"/c/{slug}", "en")).Html.Should().Contain(">Buy<");

        var french = await GetAsync(visitor, $"/c/{slug}", "fr");

        french.Cached.Should().BeFalse("French visitors get their own entry");
        french.Html.Should().Contain(">Acheter<");
        (await GetAsync(visitor, $"/c/{slug}", "fr")).Cached.Should().BeTrue();
    }

    [Fact]
    public async Task Storefront_CreatorEditsAListing_NextVisitorSeesTheEdit()
    {
        var (creator, creatorId, slug) = await _app.SignedInCreatorAsync("Editing shop");
        using var _ = creator;
        (await creator.CreateListingAsync("Old title")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var listingId = await _app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());
        using var visitor = _app.CreateClient();
        await GetAsync(visitor, $"/c/{slug}");
        (await GetAsync(visitor, $"/c/{slug}")).Cached.Should().BeTrue();

        (await creator.SubmitFormAsync($"/creator/listings/{listingId}/edit", new Dictionary<string, string>
        {
            ["Title"] = "New title", ["Description"] = "Handmade.", ["Price"] = "12.50", ["Currency"] = "eur",
        }, $"/creator/listings/{listingId}")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var after = await GetAsync(visitor, $"/c/{slug}");
        after.Cached.Should().BeFalse("saving a listing evicts its creator's storefront");
        after.Html.Should().Contain("New title").And.NotContain("Old title");
    }

    [Fact]
    public async Task Storefront_AnotherCreatorsSave_KeepsThisStorefrontCached()
    {
        var slug = await ShopWithListingAsync("Untouched");
        using var visitor = _app.CreateClient();
        await GetAsync(visitor, $"/c/{slug}");

        await ShopWithListingAsync("Elsewhere");

        (await GetAsync(visitor, $"/c/{slug}")).Cached.Should().BeTrue("the eviction is per creator");
    }

    [Fact]
    public async Task Storefront_SignedInBuyer_NeitherServedNorStoredFromTheCache()
    {
        var slug = await ShopWithListingAsync("Private page");
        using var visitor = _app.CreateClient();
        await GetAsync(visitor, $"/c/{slug}");
        (await GetAsync(visitor, $"/c/{slug}")).Cached.Should().BeTrue();
        var email = $"{Guid.NewGuid():N}@example.com";
        using var buyer = BrowserSession.For(_app);
        await buyer.RegisterCreatorAsync(email, "Signed-in buyer");

        var signedIn = await GetAsync(buyer.Client, $"/c/{slug}");

        signedIn.Cached.Should().BeFalse();
        signedIn.Html.Should().Contain(email).And.Contain("__RequestVerificationToken", "a signed-in buyer's Buy carries the token");
        var next = await GetAsync(visitor, $"/c/{slug}");
        next.Cached.Should().BeTrue();
        next.Html.Should().NotContain(email).And.NotContain("__RequestVerificationToken");
    }

    [Fact]
    public async Task StorefrontPolicy_AnswerWithACookieOfItsOwn_NotStored()
    {
        // No storefront answer sets a cookie of its own today (the buyer key is added after the cache took the headers),
        // so the rule is checked on the policy with a rendered answer that sets one.
        var policy = new Marketplace.Web.Caching.AnonymousPagePolicy(TimeSpan.FromHours(1), []);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Request.Method = "GET";
        var context = new Microsoft.AspNetCore.OutputCaching.OutputCacheContext { HttpContext = http };
        await policy.CacheRequestAsync(context, CancellationToken.None);
        context.AllowCacheStorage.Should().BeTrue("a visitor's GET may be stored");
        http.Response.StatusCode = 200;
        http.Response.Headers.SetCookie = "session=abc";

        await policy.ServeResponseAsync(context, CancellationToken.None);

        context.AllowCacheStorage.Should().BeFalse("an answer with Set-Cookie belongs to one browser");
    }

    private async Task<string> ShopWithListingAsync(string title)
    {
        var (creator, _, slug) = await _app.SignedInCreatorAsync($"Shop of {title}");
        using var _ = creator;
        (await creator.CreateListingAsync(title)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return slug;
    }

    private HttpClient Cookieless() => _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private static List<string> BuyerKeys(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? [.. cookies.Where(c => c.StartsWith(BuyerKey.CookieName + "=", StringComparison.Ordinal)).Select(c => c.Split(';')[0])]
            : [];

    private static async Task<(bool Cached, string Html)> GetAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null) request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }
}
