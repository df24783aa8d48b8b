using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;

namespace Marketplace.Tests.Creators;

/// <summary>The shop's avatar and banner set on <c>/creator/shop</c>, through the image pipeline, and where visitors see them.</summary>
public sealed class ShopPictureTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Save_BannerAndAvatar_StorefrontAndSellerCardShowThemWithoutExif()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Pictured Shop");
        using var _ = browser;
        await browser.CreateListingAsync("Print");

        var saved = await browser.SaveShopWithPicturesAsync(slug, "Pictured Shop", ("Banner", "banner.jpg", ListingImageScenarios.JpegWithGps(2400, 800), "image/jpeg"),
            ("Avatar", "me.png", ListingImageScenarios.Png(500, 500), "image/png"));

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var pictures = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => new { c.Banner, c.Avatar }).SingleAsync());
        var (banner, avatar) = (pictures.Banner!, pictures.Avatar!);
        banner.Alt.Should().Be("A workshop bench");
        avatar.Alt.Should().BeNull();
        var listingId = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());
        using var visitor = BrowserSession.For(app);
        var shop = await visitor.Client.GetStringAsync($"/c/{slug}");
        shop.Should().Contain($"src=\"/images/{banner.FullKey}\"").And.Contain("alt=\"A workshop bench\"").And.Contain("data-testid=\"shop-avatar\"");
        (await visitor.Client.GetStringAsync($"/c/{slug}/{listingId}")).Should().Contain($"/images/{avatar.ThumbnailKey}").And.Contain("data-testid=\"seller-avatar\"");
        var served = await visitor.Client.GetByteArrayAsync($"/images/{banner.FullKey}");
        Image.Identify(served).Metadata.ExifProfile.Should().BeNull("the GPS position must not reach visitors");
    }

    [Fact]
    public async Task Save_TextFileAsAvatar_SameFormWithTheMessageNothingStored()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Careful Pictures");
        using var _ = browser;

        var refused = await browser.SaveShopWithPicturesAsync(slug, "Renamed Pictures", ("Avatar", "notes.png", "just text"u8.ToArray(), "image/png"));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain("notes.png: Only JPEG, PNG, WebP and GIF images are accepted.").And.Contain("value=\"Renamed Pictures\"");
        (await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => new { c.DisplayName, c.Avatar }).SingleAsync()))
            .Should().BeEquivalentTo(new { DisplayName = "Careful Pictures", Avatar = (object?)null });
    }

    [Fact]
    public async Task Save_RemoveBanner_StorefrontNoLongerShowsIt()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Plain Again");
        using var _ = browser;
        (await browser.SaveShopWithPicturesAsync(slug, "Plain Again", ("Banner", "b.png", ListingImageScenarios.Png(1200, 400), "image/png")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var saved = await browser.SaveShopWithPicturesAsync(slug, "Plain Again", extra: new Dictionary<string, string> { ["RemoveBanner"] = "true" });

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var visitor = BrowserSession.For(app);
        (await visitor.Client.GetStringAsync($"/c/{slug}")).Should().NotContain("data-testid=\"shop-banner\"");
        (await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => c.Banner).SingleAsync())).Should().BeNull();
    }
}
