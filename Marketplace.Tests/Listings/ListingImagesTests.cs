using System.Net;
using System.Text;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;

namespace Marketplace.Tests.Listings;

/// <summary>Listing pictures through the real form (multipart), the image endpoint and the public pages.</summary>
public sealed class ListingImagesTests(MarketplaceFactory app) : IClassFixture<MarketplaceFactory>
{
    [Fact]
    public async Task Create_JpegWithGpsExif_RenditionsServedWithoutExifAndCachedForever()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        var photo = ListingImageScenarios.JpegWithGps();
        Image.Identify(photo).Metadata.ExifProfile.Should().NotBeNull("the upload does carry EXIF with GPS");

        var response = await browser.CreateListingWithPicturesAsync("Lighthouse poster", "A lighthouse at dusk", "Handmade.",
            ("Cover", "IMG_0001.jpg", photo, "image/jpeg"), ("Gallery", "detail.png", ListingImageScenarios.Png(), "image/png"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.Content.ReadAsStringAsync())[..Math.Min(3000, (int)(response.Content.Headers.ContentLength ?? 3000))]);
        var images = await app.WithDbAsync(db => db.ListingImages.Where(i => db.Listings.Any(l => l.Id == i.ListingId && l.CreatorProfileId == creatorId))
            .OrderBy(i => i.Position).ToListAsync());
        images.Select(i => (i.Position, i.Alt)).Should().Equal((0, "A lighthouse at dusk"), (1, null));
        var cover = images[0];
        (cover.ThumbnailWidth, cover.CardWidth, cover.FullWidth, cover.FullHeight).Should().Be((320, 640, 1600, 1200));
        using var visitor = BrowserSession.For(app);
        foreach (var (key, width) in cover.Sources())
        {
            var served = await visitor.Client.GetAsync($"/images/{key}");
            served.StatusCode.Should().Be(HttpStatusCode.OK);
            served.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
            served.Headers.CacheControl!.ToString().Should().Contain("max-age=31536000").And.Contain("immutable");
            served.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            var info = Image.Identify(await served.Content.ReadAsByteArrayAsync());
            info.Width.Should().Be(width);
            info.Metadata.ExifProfile.Should().BeNull("GPS and camera data are stripped");
            info.Metadata.IccProfile.Should().BeNull();
            info.Metadata.XmpProfile.Should().BeNull();
        }
    }

    [Theory]
    [InlineData("cover.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>")]
    [InlineData("notes.jpg", "image/jpeg", "These are my notes, not a picture.")]
    public async Task Create_SvgOrTextRenamedJpg_SameFormWithErrorAndNothingSaved(string fileName, string contentType, string body)
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        var before = app.StoredImageFiles().Length;

        var response = await browser.CreateListingWithPicturesAsync("Poster", "A poster", "Handmade.",
            ("Gallery", "ok.png", ListingImageScenarios.Png(), "image/png"), ("Cover", fileName, Encoding.UTF8.GetBytes(body), contentType));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain($"{fileName}: Only JPEG, PNG, WebP and GIF images are accepted.").And.Contain("value=\"Poster\"");
        (await app.ListingCountAsync(creatorId)).Should().Be(0);
        app.StoredImageFiles().Length.Should().Be(before, "no rendition of the valid gallery picture is written either");
    }

    [Fact]
    public async Task Create_CoverWithoutAltText_SameFormWithErrorAndNothingSaved()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        var before = app.StoredImageFiles().Length;

        var response = await browser.CreateListingWithPicturesAsync("Poster", coverAlt: null, "Handmade.", ("Cover", "a.png", ListingImageScenarios.Png(), "image/png"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("Describe the cover image in a few words");
        (await app.ListingCountAsync(creatorId)).Should().Be(0);
        app.StoredImageFiles().Length.Should().Be(before);
    }

    [Fact]
    public async Task Storefront_ListingWithCoverAndMarkdown_LazyResponsiveThumbnailPlainSummaryAndShareTags()
    {
        var (browser, _, slug) = await app.SignedInCreatorAsync("Pictures Shop");
        using var _ = browser;
        (await browser.CreateListingWithPicturesAsync("Lighthouse poster", "A lighthouse at dusk", "## Big **poster**\n\n- *matte* paper\n- [more](https://example.com)",
            ("Cover", "cover.jpg", ListingImageScenarios.JpegWithGps(), "image/jpeg"))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var visitor = BrowserSession.For(app);

        var html = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync($"/c/{slug}"));

        html.Should().MatchRegex("<img src=\"/images/[0-9a-f]{2}/[0-9a-f]{64}\\.jpg\" srcset=\"/images/\\S+ 320w, /images/\\S+ 640w, /images/\\S+ 1600w\"")
            .And.Contain("loading=\"lazy\"").And.Contain("width=\"320\" height=\"240\"").And.Contain("alt=\"A lighthouse at dusk\"");
        html.Should().Contain("data-testid=\"summary\">Big poster matte paper more</p>");
        html.Should().Contain($"<link rel=\"canonical\" href=\"http://localhost/c/{slug}\" />")
            .And.Contain("<meta property=\"og:title\" content=\"Pictures Shop\" />").And.Contain("<meta property=\"og:description\" content=\"Listings from Pictures Shop on Marketplace.\" />")
            .And.MatchRegex("<meta property=\"og:image\" content=\"http://localhost/images/[0-9a-f]{2}/[0-9a-f]{64}\\.jpg\" />")
            .And.Contain("<meta name=\"twitter:card\" content=\"summary_large_image\" />");
    }

    [Fact]
    public async Task ListingPage_CoverGalleryAndMarkdown_FullImageGallerySanitizedHtmlAndOgTags()
    {
        var (browser, creatorId, slug) = await app.SignedInCreatorAsync("Gallery Shop");
        using var _ = browser;
        (await browser.CreateListingWithPicturesAsync("Poster", "A poster", "Some **bold** text <script>alert(1)</script> [x](javascript:alert(1))",
            ("Cover", "cover.jpg", ListingImageScenarios.JpegWithGps(), "image/jpeg"),
            ("Gallery", "a.png", ListingImageScenarios.Png(), "image/png"), ("Gallery", "b.png", ListingImageScenarios.Png(300, 400), "image/png")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());
        using var visitor = BrowserSession.For(app);

        var html = await visitor.Client.GetStringAsync($"/c/{slug}/{id}");

        html.Should().Contain("<strong>bold</strong>").And.NotContain("<script>alert").And.NotContain("href=\"javascript:");
        html.Should().Contain("width=\"1600\" height=\"1200\"").And.Contain("loading=\"eager\"");
        html.Should().Contain("alt=\"Poster, picture 1 of 2\"").And.Contain("alt=\"Poster, picture 2 of 2\"");
        html.Should().Contain($"<meta property=\"og:url\" content=\"http://localhost/c/{slug}/{id}\" />")
            .And.Contain("<meta property=\"og:description\" content=\"Some bold text");
    }

    [Fact]
    public async Task Edit_RemoveCoverAndAddGalleryPastEight_RefusedWithMessageThenRemovalSaved()
    {
        var (browser, creatorId, _) = await app.SignedInCreatorAsync();
        using var _ = browser;
        (await browser.CreateListingWithPicturesAsync("Poster", "A poster", "Handmade.", ("Cover", "c.png", ListingImageScenarios.Png(), "image/png")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());
        var fields = new Dictionary<string, string> { ["Title"] = "Poster", ["Price"] = "12.50", ["Currency"] = "eur", ["CoverAlt"] = "A poster" };
        var nine = Enumerable.Range(1, 9).Select(i => ("Gallery", $"g{i}.png", ListingImageScenarios.Png(50 + i, 50), "image/png")).ToArray();

        var tooMany = await browser.PostListingFormAsync($"/creator/listings/{id}/edit", $"/creator/listings/{id}", fields, nine);
        fields["RemoveImages"] = "0";
        var removed = await browser.PostListingFormAsync($"/creator/listings/{id}/edit", $"/creator/listings/{id}", fields);

        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync()).Should().Contain("A listing has at most 8 gallery images.");
        removed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ListingImages.CountAsync(i => i.ListingId == id))).Should().Be(0);
    }
}
