using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Creators;

/// <summary>The creator's shop settings, <c>/creator/shop</c>, and what visitors then see.</summary>
public sealed class ShopSettingsTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Save_NewSlug_OldShopAndListingAddressesAnswer301ToTheNewOnes()
    {
        var (browser, creatorId, oldSlug) = await app.SignedInCreatorAsync("Renamed Shop");
        using var _ = browser;
        await browser.CreateListingAsync("Linocut");
        var listingId = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());
        var newSlug = "renamed-" + Guid.NewGuid().ToString("N")[..8];

        var saved = await browser.SaveShopAsync(newSlug, "Renamed Shop");

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        using var visitor = BrowserSession.For(app);
        var shop = await visitor.Client.GetAsync($"/c/{oldSlug}");
        shop.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        shop.Headers.Location!.OriginalString.Should().Be($"/c/{newSlug}");
        var listing = await visitor.Client.GetAsync($"/c/{oldSlug}/{listingId}");
        listing.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        listing.Headers.Location!.OriginalString.Should().Be($"/c/{newSlug}/{listingId}");
        (await visitor.Client.GetStringAsync($"/c/{newSlug}")).Should().Contain("Linocut");
    }

    [Fact]
    public async Task Save_SlugAnotherShopHeldBefore_RefusedOnTheSamePageWithAMessage()
    {
        var (first, _, firstSlug) = await app.SignedInCreatorAsync("First Holder");
        using var __ = first;
        (await first.SaveShopAsync("moved-" + Guid.NewGuid().ToString("N")[..8], "First Holder")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (second, secondId, secondSlug) = await app.SignedInCreatorAsync("Second Shop");
        using var ___ = second;

        var refused = await second.SaveShopAsync(firstSlug, "Second Shop");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("Another shop uses or used this address");
        (await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == secondId).Select(c => c.Slug).SingleAsync())).Should().Be(secondSlug);
    }

    [Fact]
    public async Task Save_JavascriptLink_RefusedOnTheSamePageNothingStored()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Careful Shop");
        using var _ = browser;

        var refused = await browser.SaveShopAsync(slug, "Careful Shop", bio: "New bio", social: ["javascript:alert(1)"]);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("“javascript:alert(1)” is not a web address");
        (await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => c.Bio).SingleAsync())).Should().BeNull();
    }

    [Fact]
    public async Task Storefront_ShopWithMarkdownBioAndLinks_ShowsParagraphsAndLinksWithRelMeNoopener()
    {
        var (browser, _, slug) = await app.SignedInCreatorAsync("Linked Shop");
        using var _ = browser;
        await browser.SaveShopAsync(slug, "Linked Shop", bio: "First paragraph.\n\nSecond paragraph.", website: "https://linked.example",
            social: ["https://social.example/@linked"]);

        using var visitor = BrowserSession.For(app);
        var html = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync($"/c/{slug}"));

        html.Should().Contain("<p>First paragraph.</p>").And.Contain("<p>Second paragraph.</p>");
        html.Should().Contain("<a href=\"https://linked.example\" rel=\"me noopener\"");
        html.Should().Contain("<a href=\"https://social.example/@linked\" rel=\"me noopener\"");
    }

    [Fact]
    public async Task Storefront_CachedThenBioChanged_VisitorSeesTheNewBio()
    {
        var (browser, _, slug) = await app.SignedInCreatorAsync("Cached Shop");
        using var _ = browser;
        await browser.SaveShopAsync(slug, "Cached Shop", bio: "Old words.");
        using var visitor = BrowserSession.For(app);
        (await visitor.Client.GetStringAsync($"/c/{slug}")).Should().Contain("Old words.");

        await browser.SaveShopAsync(slug, "Cached Shop", bio: "New words.");

        (await visitor.Client.GetStringAsync($"/c/{slug}")).Should().Contain("New words.").And.NotContain("Old words.");
    }

    [Fact]
    public async Task Listing_ShopWithRefundPolicyAndShownEmail_SellerCardWithPolicyAndContactLink()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Policy Shop");
        using var _ = browser;
        await browser.CreateListingAsync("Mug");
        await browser.SaveShopAsync(slug, "Policy Shop", email: "hello@policy.example", showEmail: true, refundPolicy: "Refunds within 14 days.");
        var listingId = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());

        using var visitor = BrowserSession.For(app);
        var html = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync($"/c/{slug}/{listingId}"));

        html.Should().Contain("Sold by <a href=\"/c/" + slug + "\">Policy Shop</a>");
        html.Should().Contain("Refunds within 14 days.");
        html.Should().Contain("<a href=\"mailto:hello@policy.example\" data-testid=\"contact-seller\">Contact the seller</a>");
    }

    [Fact]
    public async Task Listing_EmailNotShown_NoContactLink()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Quiet Shop");
        using var _ = browser;
        await browser.CreateListingAsync("Cup");
        await browser.SaveShopAsync(slug, "Quiet Shop", email: "private@quiet.example", showEmail: false);
        var listingId = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());

        using var visitor = BrowserSession.For(app);
        var html = await visitor.Client.GetStringAsync($"/c/{slug}/{listingId}");

        html.Should().NotContain("private@quiet.example").And.NotContain("Contact the seller");
    }

    [Fact]
    public async Task ViewMyShop_Creator_RedirectsToTheStorefrontAndMarksItShared()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Shared Shop");
        using var _ = browser;
        (await browser.Client.GetStringAsync("/creator/shop")).Should().Contain($"/c/{slug}");

        var response = await browser.Client.GetAsync("/creator/shop/view");

        response.Headers.Location!.OriginalString.Should().Be($"/c/{slug}");
        (await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => c.ShopSharedAt).SingleAsync())).Should().NotBeNull();
    }
}
