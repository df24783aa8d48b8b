using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marketplace.Core.Orders;
using Marketplace.SystemTests.Files;
using Marketplace.Tests.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>The product journey with the files on the app's local disk (<c>Files:Provider=Local</c>).</summary>
[Trait("Category", "Browser")]
public sealed class ProductDeliveryBrowserTests(FilesFactory app, ChromiumFixture chromium)
    : IClassFixture<FilesFactory>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public Task Journey_SilverCreatorSellsCoverAnd30MbPdfOnLocalDisk_NoExifSameBytesLinkExpiresRefundRevokes() =>
        ProductJourney.RunAsync(app, app.Clock, chromium, nameof(Journey_SilverCreatorSellsCoverAnd30MbPdfOnLocalDisk_NoExifSameBytesLinkExpiresRefundRevokes));
}

/// <summary>The same product journey with pictures and files on the S3 server <c>./test.sh</c> starts (<c>Files:Provider=S3</c>).</summary>
[Trait("Category", "Browser")]
public sealed class S3ProductDeliveryBrowserTests(S3FilesFactory app, ChromiumFixture chromium)
    : IClassFixture<S3FilesFactory>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public Task Journey_SilverCreatorSellsCoverAnd30MbPdfOnS3_NoExifSameBytesLinkExpiresRefundRevokes() =>
        ProductJourney.RunAsync(app, app.Clock, chromium, nameof(Journey_SilverCreatorSellsCoverAnd30MbPdfOnS3_NoExifSameBytesLinkExpiresRefundRevokes));
}

/// <summary>
/// A creator selling a digital product, in a real Chromium against the live app: on Silver, a listing with a 4000×3000
/// JPEG cover carrying GPS EXIF, a Markdown description with a link and a 30 MB PDF (picked with the page's file
/// inputs) → the storefront shows the cover thumbnail and no rendition the app serves has EXIF left → the listing page
/// shows the rendered description, its link <c>rel="nofollow ugc noopener"</c> → an anonymous buyer pays on the
/// emulator's Checkout (4242) → the order page lists the PDF, whose download is byte-identical (SHA-256) → the link
/// answers 410 once the app's clock passes its 15 minutes → after the creator's full refund a fresh link answers 403
/// and the order page says access is gone.
/// </summary>
public static class ProductJourney
{
    private const string Title = "Lighthouse guide";
    private const string CoverAlt = "A lighthouse at dusk";
    private const string Description = "A **printable** guide to the coast. Read [the making-of](https://example.com/making-of) first.";
    private static readonly PageAssertionsToHaveURLOptions Slow = new() { Timeout = 120_000 };
    private static readonly LocatorClickOptions SlowClick = new() { Timeout = 120_000 };

    /// <summary>Runs the journey on <paramref name="app"/>, whose <see cref="TimeProvider"/> is <paramref name="clock"/>.</summary>
    public static async Task RunAsync(LiveMarketplaceFactory app, ShiftedClock clock, ChromiumFixture chromium, string testName)
    {
        using var files = ProductTestFiles.Create();
        ProductTestFiles.HasExif(await File.ReadAllBytesAsync(files.CoverPath)).Should().BeTrue("the check below must see the camera's EXIF when it is there");
        await using var creator = await BrowserJourney.StartAsync(app, chromium, testName);
        await creator.RegisterAsync("Lighthouse Prints");
        await creator.OnboardAsync(complete: true);
        await creator.ChooseSilverMonthlyAsync();
        await creator.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-silver");
        await creator.ExpectSubscriptionAsync("Silver", "Active");
        await CreateListingWithCoverAsync(creator, files.CoverPath);
        await UploadPdfAsync(creator, files);
        var creatorId = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == creator.Email)).Select(c => c.Id).SingleAsync());
        var slug = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => c.Slug).SingleAsync());

        await using var buyer = await BrowserJourney.StartAsync(app, chromium, testName + "-buyer");
        var renditions = await ExpectCoverThumbnailAsync(buyer, slug);
        renditions.AddRange(await ExpectRenderedDescriptionAsync(buyer, slug));
        await ExpectNoExifAsync(app, renditions);

        await buyer.BuyAsync(slug, Title, "reader@example.com", BrowserJourney.GoodCard);
        await Expect(buyer.Page.GetByTestId("order-status")).ToHaveTextAsync("Paid");
        var orderPage = buyer.Page.Url;
        var order = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.CreatorProfileId == creatorId), o => o.Status == OrderStatus.Paid);
        var link = buyer.Page.GetByTestId("download-link");
        await Expect(link).ToHaveTextAsync("guide.pdf");
        await buyer.ScreenshotAsync("order-with-pdf");
        var download = await buyer.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync(SlowClick), new() { Timeout = 120_000 });
        (await download.FailureAsync()).Should().BeNull();
        download.SuggestedFilename.Should().Be("guide.pdf");
        await using (var downloaded = File.OpenRead(await download.PathAsync()))
            Convert.ToHexStringLower(await SHA256.HashDataAsync(downloaded)).Should().Be(files.PdfSha256, "the buyer gets the bytes the creator uploaded");
        (await app.WithDbAsync(db => db.FileDownloads.CountAsync(d => d.OrderId == order.Id))).Should().Be(1);

        // The link the page showed stops working once the app's clock passes its 15 minutes.
        var shown = new Uri(app.AppUrl, await link.GetAttributeAsync("href")).ToString();
        clock.Offset = TimeSpan.FromMinutes(16);
        try
        {
            var expired = await buyer.Page.GotoAsync(shown);
            expired!.Status.Should().Be(410);
            await Expect(buyer.Page.GetByTestId("download-refused")).ToContainTextAsync("expired");
            await buyer.ScreenshotAsync("link-expired");
        }
        finally
        {
            clock.Offset = TimeSpan.Zero;
        }

        // A fresh link, then the creator refunds the whole order: the link is refused and the page says why.
        await buyer.Page.GotoAsync(orderPage);
        var fresh = new Uri(app.AppUrl, await buyer.Page.GetByTestId("download-link").GetAttributeAsync("href")).ToString();
        await RefundAllAsync(creator, order.Id);
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.Status == OrderStatus.Refunded);
        var revoked = await buyer.Page.GotoAsync(fresh);
        revoked!.Status.Should().Be(403);
        await Expect(buyer.Page.GetByTestId("download-refused")).ToContainTextAsync("no longer gives access");
        await buyer.Page.GotoAsync(orderPage);
        await Expect(buyer.Page.GetByTestId("delivery-revoked")).ToBeVisibleAsync();
        await Expect(buyer.Page.GetByTestId("download-link")).ToHaveCountAsync(0);
        await buyer.ScreenshotAsync("refunded-no-files");
        creator.OutsideRequests.Should().BeEmpty();
        buyer.OutsideRequests.Should().BeEmpty();
    }

    private static async Task CreateListingWithCoverAsync(BrowserJourney creator, string coverPath)
    {
        var page = creator.Page;
        await creator.GotoAsync("/creator/listings/new");
        await page.Locator("#Title").FillAsync(Title);
        await page.Locator("#Description").FillAsync(Description);
        await page.Locator("#Cover").SetInputFilesAsync(coverPath);
        await page.Locator("#CoverAlt").FillAsync(CoverAlt);
        await page.Locator("#Price").FillAsync("12.00");
        await page.Locator("#Currency").SelectOptionAsync("eur");
        await creator.ScreenshotAsync("listing-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync(SlowClick); // 12 megapixels to resize
        await Expect(page).ToHaveURLAsync(new Regex("/creator/listings$"), Slow);
    }

    private static async Task UploadPdfAsync(BrowserJourney creator, ProductTestFiles files)
    {
        var page = creator.Page;
        await page.GetByTestId("listing-files").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/creator/listings/[0-9]+/files$"));
        await page.Locator("#upload-file").SetInputFilesAsync(files.PdfPath);
        await page.GetByTestId("upload-form").GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync(SlowClick);
        await Expect(page.GetByTestId("file-sha256")).ToHaveTextAsync(files.PdfSha256, new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("file-name")).ToHaveTextAsync("guide.pdf");
        await creator.ScreenshotAsync("pdf-uploaded");
    }

    /// <summary>The storefront card shows the cover, loaded; returns the renditions its srcset names.</summary>
    private static async Task<List<string>> ExpectCoverThumbnailAsync(BrowserJourney buyer, string slug)
    {
        await buyer.GotoAsync($"/c/{slug}");
        var thumbnail = buyer.Page.Locator(".card", new() { HasText = Title }).Locator("img");
        await Expect(thumbnail).ToHaveAttributeAsync("alt", CoverAlt);
        await buyer.Page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await thumbnail.ElementHandleAsync());
        await Expect(buyer.GetCardSummary()).ToContainTextAsync("A printable guide to the coast.");
        await buyer.ScreenshotAsync("storefront-cover");
        return Sources(await thumbnail.GetAttributeAsync("srcset"));
    }

    /// <summary>The listing page renders the Markdown; returns the renditions of its cover.</summary>
    private static async Task<List<string>> ExpectRenderedDescriptionAsync(BrowserJourney buyer, string slug)
    {
        await buyer.Page.Locator(".card", new() { HasText = Title }).GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Expect(buyer.Page).ToHaveURLAsync(new Regex($"/c/{slug}/[0-9]+$"));
        var description = buyer.Page.GetByTestId("description");
        await Expect(description.Locator("strong")).ToHaveTextAsync("printable");
        var link = description.GetByRole(AriaRole.Link, new() { Name = "the making-of" });
        await Expect(link).ToHaveAttributeAsync("href", "https://example.com/making-of");
        await Expect(link).ToHaveAttributeAsync("rel", "nofollow ugc noopener");
        await buyer.ScreenshotAsync("listing-page");
        return Sources(await buyer.Page.GetByTestId("cover").Locator("img").First.GetAttributeAsync("srcset"));
    }

    /// <summary>Every rendition the pages named is a JPEG the app serves with no EXIF (no GPS) left.</summary>
    private static async Task ExpectNoExifAsync(LiveMarketplaceFactory app, List<string> renditions)
    {
        var distinct = renditions.Distinct(StringComparer.Ordinal).ToList();
        distinct.Should().HaveCountGreaterThanOrEqualTo(3, "thumbnail, card and full renditions");
        using var http = new HttpClient { BaseAddress = app.AppUrl };
        foreach (var path in distinct)
        {
            var bytes = await http.GetByteArrayAsync(path);
            ProductTestFiles.HasExif(bytes).Should().BeFalse($"{path} is served without the camera's EXIF and GPS");
        }
    }

    private static async Task RefundAllAsync(BrowserJourney creator, int orderId)
    {
        await creator.GotoAsync("/creator/sales");
        var row = creator.Page.Locator($"tr[data-order-id='{orderId}']");
        await row.GetByTestId($"refund-{orderId}").Locator("summary").ClickAsync();
        await creator.ScreenshotAsync("refund-form");
        await row.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        await Expect(creator.Page).ToHaveURLAsync(new Regex("/creator/sales$"));
        await Expect(row.GetByTestId("order-status")).ToHaveTextAsync("Refunded");
        await creator.ScreenshotAsync("refunded");
    }

    private static ILocator GetCardSummary(this BrowserJourney buyer) =>
        buyer.Page.Locator(".card", new() { HasText = Title }).GetByTestId("summary");

    private static List<string> Sources(string? srcset) =>
        [.. (srcset ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(' ')[0])];
}
