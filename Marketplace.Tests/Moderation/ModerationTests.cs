using System.Net;
using Marketplace.Core.Moderation;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Moderation;

/// <summary>
/// The admin hides, unlists and features through <c>/admin/moderation</c>; visitors, Buy, the home page and the
/// creator see it the way the pages show it.
/// </summary>
public sealed class ModerationTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task HideListing_WithAReason_404ForVisitorsBuyRefusedBeforeStripeCreatorSeesTheReason()
    {
        using var shop = await app.ShopAsync(title: "Poster Caché");
        using var admin = await AdminAsync();
        using var visitor = app.Visitor();
        var buyPage = await visitor.Client.GetStringAsync(shop.ListingPage); // the visitor had the page open before

        var saved = await SetListingAsync(admin, shop, Visibility.Hidden, "Copies another artist's work");
        var since = TimeProvider.System.GetUtcNow();
        var buy = await visitor.Client.PostAsync(shop.ListingPage + "/buy", new FormUrlEncodedContent([]));

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        buyPage.Should().Contain("Poster Caché");
        (await visitor.Client.GetAsync(shop.ListingPage)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await visitor.Client.GetStringAsync($"/c/{shop.Slug}")).Should().NotContain("Poster Caché");
        (await visitor.Client.GetStringAsync("/")).Should().NotContain("Poster Caché");
        buy.StatusCode.Should().Be(HttpStatusCode.NotFound);
        app.RequestsSince(since).Should().NotContain(r => r.Path == "/v1/checkout/sessions", "a hidden listing is refused before any Stripe call");
        (await app.OrdersOfAsync(shop.CreatorId)).Should().BeEmpty();
        var creatorPage = await shop.Creator.Client.GetStringAsync("/creator/listings");
        creatorPage.Should().Contain("An admin hid “Poster Caché”").And.Contain("Copies another artist&#x27;s work");
        var log = await app.WithDbAsync(db => db.ModerationLog.AsNoTracking().Where(e => e.TargetId == shop.ListingId && e.Target == "listing").ToListAsync());
        log.Should().ContainSingle().Which.Should().Match<ModerationLogEntry>(e =>
            e.AdminEmail == MarketplaceFactory.AdminEmail && e.Change == "Hidden" && e.Reason == "Copies another artist's work");
    }

    [Fact]
    public async Task UnlistListing_ReachableByItsLinkButNotOnTheStorefrontNorHome()
    {
        using var shop = await app.ShopAsync(title: "Poster Discret");
        using var admin = await AdminAsync();
        using var visitor = app.Visitor();
        (await visitor.Client.GetStringAsync("/")).Should().Contain("Poster Discret", "a new listing of a shop taking payments is on the home page");

        await SetListingAsync(admin, shop, Visibility.Unlisted, "Adult content: by link only");

        (await visitor.Client.GetAsync(shop.ListingPage)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await visitor.Client.GetStringAsync($"/c/{shop.Slug}")).Should().NotContain("Poster Discret");
        (await visitor.Client.GetStringAsync("/")).Should().NotContain("Poster Discret");
        (await visitor.BuyAsync(shop)).StatusCode.Should().Be(HttpStatusCode.SeeOther, "an unlisted listing can still be bought from its page");
    }

    [Fact]
    public async Task HideShop_WithAReason_StorefrontAndListing404CreatorHomeSaysWhy()
    {
        using var shop = await app.ShopAsync(title: "Poster Boutique Cachée");
        using var admin = await AdminAsync();

        await SetShopAsync(admin, shop.CreatorId, Visibility.Hidden, "Unpaid chargebacks", featuredRank: null);
        using var visitor = app.Visitor();

        (await visitor.Client.GetAsync($"/c/{shop.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await visitor.Client.GetAsync(shop.ListingPage)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await visitor.Client.GetStringAsync("/")).Should().NotContain("Poster Boutique Cachée");
        (await shop.Creator.Client.GetStringAsync("/creator")).Should().Contain("An admin hid your shop").And.Contain("Unpaid chargebacks");
    }

    [Fact]
    public async Task HideListing_NoReason_RefusedWithTheMessageAndStillVisible()
    {
        using var shop = await app.ShopAsync(title: "Poster Sans Motif");
        using var admin = await AdminAsync();

        await SetListingAsync(admin, shop, Visibility.Hidden, " ");
        var page = await admin.Client.GetStringAsync($"/admin/moderation/shops/{shop.CreatorId}");

        page.Should().Contain("Say why: the creator sees the reason.");
        using var visitor = app.Visitor();
        (await visitor.Client.GetAsync(shop.ListingPage)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FeatureShops_AdminsOrder_HomeShowsThemInThatOrderAndNotOnceHidden()
    {
        using var first = await app.ShopAsync(title: "Poster Premier");
        using var second = await app.ShopAsync(title: "Poster Second");
        using var admin = await AdminAsync();

        await SetShopAsync(admin, second.CreatorId, Visibility.Visible, null, featuredRank: 1);
        await SetShopAsync(admin, first.CreatorId, Visibility.Visible, null, featuredRank: 2);
        using var visitor = app.Visitor();
        var home = await visitor.Client.GetStringAsync("/");
        await SetShopAsync(admin, second.CreatorId, Visibility.Hidden, "Paused", featuredRank: null);
        var afterHiding = await visitor.Client.GetStringAsync("/");

        var featured = home[home.IndexOf("data-testid=\"featured-shops\"", StringComparison.Ordinal)..];
        featured.IndexOf($"href=\"/c/{second.Slug}\"", StringComparison.Ordinal).Should().BePositive()
            .And.BeLessThan(featured.IndexOf($"href=\"/c/{first.Slug}\"", StringComparison.Ordinal));
        afterHiding.Should().Contain($"href=\"/c/{first.Slug}\"").And.NotContain($"data-shop-slug=\"{second.Slug}\"");
    }

    [Fact]
    public async Task FeatureListings_AdminsOrder_FeaturedRowBeforeNewListingsAndNotOnceHidden()
    {
        using var first = await app.ShopAsync(title: "Poster Vedette Un");
        using var second = await app.ShopAsync(title: "Poster Vedette Deux");
        using var admin = await AdminAsync();

        (await SetListingAsync(admin, second, Visibility.Visible, "", featuredRank: 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await SetListingAsync(admin, first, Visibility.Visible, "", featuredRank: 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var visitor = app.Visitor();
        var home = await visitor.Client.GetStringAsync("/");
        var adminPage = await admin.Client.GetStringAsync($"/admin/moderation/shops/{second.CreatorId}");
        await SetListingAsync(admin, second, Visibility.Hidden, "Paused", featuredRank: null);
        var afterHiding = await visitor.Client.GetStringAsync("/");

        var start = home.IndexOf("data-testid=\"featured-listings\"", StringComparison.Ordinal);
        start.Should().BePositive().And.BeLessThan(home.IndexOf("data-testid=\"new-listings\"", StringComparison.Ordinal), "the Featured row comes first");
        var featured = home[start..home.IndexOf("data-testid=\"new-listings\"", StringComparison.Ordinal)];
        featured.Should().Contain("Featured listings");
        featured.IndexOf($"href=\"{second.ListingPage}\"", StringComparison.Ordinal).Should().BePositive()
            .And.BeLessThan(featured.IndexOf($"href=\"{first.ListingPage}\"", StringComparison.Ordinal));
        adminPage.Should().Contain("Saved. Visitors see the change at once.").And.Contain("data-featured=\"1\"");
        var log = await app.WithDbAsync(db => db.ModerationLog.AsNoTracking().Where(e => e.TargetId == second.ListingId && e.Target == "listing").OrderBy(e => e.Id).ToListAsync());
        log.Select(e => e.Change).Should().Equal("Visible, featured #1", "Hidden");
        var featuredAfter = afterHiding[afterHiding.IndexOf("data-testid=\"featured-listings\"", StringComparison.Ordinal)..];
        featuredAfter.Should().Contain($"href=\"{first.ListingPage}\"");
        afterHiding.Should().NotContain("Poster Vedette Deux");
    }

    [Fact]
    public async Task FeatureListing_Hidden_RefusedWithTheMessageAndNotFeatured()
    {
        using var shop = await app.ShopAsync(title: "Poster Vedette Cachée");
        using var admin = await AdminAsync();

        await SetListingAsync(admin, shop, Visibility.Hidden, "Copies another artist's work", featuredRank: 1);
        var page = await admin.Client.GetStringAsync($"/admin/moderation/shops/{shop.CreatorId}");

        page.Should().Contain("Only a visible listing can be featured.").And.NotContain("data-featured=");
        using var visitor = app.Visitor();
        (await visitor.Client.GetAsync(shop.ListingPage)).StatusCode.Should().Be(HttpStatusCode.OK, "nothing was saved");
    }

    /// <summary>The seeded admin, signed in on the live server.</summary>
    private async Task<BrowserSession> AdminAsync()
    {
        var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return admin;
    }

    private static Task<HttpResponseMessage> SetListingAsync(BrowserSession admin, Shop shop, Visibility visibility, string reason, int? featuredRank = null) =>
        admin.SubmitFormAsync($"/admin/moderation/shops/{shop.CreatorId}", new Dictionary<string, string>
        {
            ["Visibility"] = visibility.ToString(), ["Reason"] = reason, ["shopId"] = shop.CreatorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FeaturedRank"] = featuredRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        }, $"/admin/moderation/listings/{shop.ListingId}");

    private static async Task SetShopAsync(BrowserSession admin, int creatorId, Visibility visibility, string? reason, int? featuredRank)
    {
        var saved = await admin.SubmitFormAsync($"/admin/moderation/shops/{creatorId}", new Dictionary<string, string>
        {
            ["Visibility"] = visibility.ToString(), ["Reason"] = reason ?? "", ["FeaturedRank"] = featuredRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.Client.GetStringAsync($"/admin/moderation/shops/{creatorId}")).Should().Contain("Saved. Visitors see the change at once.");
    }
}
