using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Marketplace.Core.Deliveries;
using Marketplace.Files;
using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Deliveries;

/// <summary>
/// A creator's files page (streamed upload, SHA-256, the plan's storage) and what a paying buyer gets: expiring links on
/// the order page, byte-identical downloads with ranges, refusals that say what to do.
/// </summary>
public sealed class ListingFileDeliveryTests(FilesFactory app) : IClassFixture<FilesFactory>
{
    [Fact]
    public async Task Upload_MultiMegabyteFile_PageShowsItsSha256AndBuyerDownloadsTheSameBytes()
    {
        using var shop = await app.ShopAsync();
        var bytes = DeliveryScenarios.RandomFile(5 * 1024 * 1024 + 123, "%PDF-");

        var uploaded = await shop.Creator.UploadAsync(shop.ListingId, bytes, "Poster A2 – print.pdf");

        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var page = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync($"/creator/listings/{shop.ListingId}/files"));
        page.Should().Contain(Convert.ToHexStringLower(SHA256.HashData(bytes))).And.Contain("Poster A2 – print.pdf").And.Contain("5 MB").And.Contain("application/pdf");
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();
        var orderPage = await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}");
        WebUtility.HtmlDecode(orderPage).Should().Contain("Poster A2 – print.pdf");
        var link = DeliveryScenarios.DownloadLinks(orderPage).Should().ContainSingle().Subject;

        var download = await buyer.Client.GetAsync(link);

        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(bytes);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("Poster A2 – print.pdf");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        download.Headers.CacheControl!.NoStore.Should().BeTrue();
        download.Headers.CacheControl.Private.Should().BeTrue();
        (await app.WithDbAsync(db => db.FileDownloads.CountAsync(d => d.OrderId == order.Id))).Should().Be(1, "the download is logged");
    }

    [Fact]
    public async Task Download_RangeRequest_206WithThoseBytes()
    {
        using var shop = await app.ShopAsync();
        var bytes = DeliveryScenarios.RandomFile(200_000, "RIFF\0\0\0\0WAVE");
        await shop.Creator.UploadAsync(shop.ListingId, bytes, "track.wav", "audio/wav");
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();
        var link = DeliveryScenarios.DownloadLinks(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Single();
        using var request = new HttpRequestMessage(HttpMethod.Get, link);
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        var partial = await buyer.Client.SendAsync(request);

        partial.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await partial.Content.ReadAsByteArrayAsync()).Should().Equal(bytes[1000..2000]);
        partial.Content.Headers.ContentRange!.ToString().Should().Be("bytes 1000-1999/200000");
    }

    [Fact]
    public async Task Download_LocalStore_ServerSendsTheFileFromItsPathNotThroughAStream()
    {
        using var shop = await app.ShopAsync();
        await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3, 4], "notes.txt", "text/plain");
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();
        var link = DeliveryScenarios.DownloadLinks(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Single();

        var start = await app.WithServiceAsync<OrderDownloads, DownloadStart>(d => d.StartAsync(link["/downloads/".Length..], counts: false));

        start.Outcome.Should().Be(DownloadOutcome.Ready);
        start.Stream.Should().BeNull("the bytes are not copied out by the app");
        File.ReadAllBytes(start.LocalPath!).Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task Download_AppClockPastTheLinksExpiry_410WithTheWayBack()
    {
        using var shop = await app.ShopAsync();
        await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3], "notes.txt", "text/plain");
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();
        var link = DeliveryScenarios.DownloadLinks(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Single();

        HttpResponseMessage expired;
        app.Clock.Offset = TimeSpan.FromMinutes(16);
        try
        {
            expired = await buyer.Client.GetAsync(link);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        expired.StatusCode.Should().Be(HttpStatusCode.Gone);
        var html = WebUtility.HtmlDecode(await expired.Content.ReadAsStringAsync());
        html.Should().Contain("This download link has expired").And.Contain($"href=\"/orders/{order.PublicToken}\"");
        (await buyer.Client.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK, "within 15 minutes the same link works");
    }

    [Fact]
    public async Task Download_TamperedToken_403()
    {
        using var shop = await app.ShopAsync();
        await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3], "notes.txt", "text/plain");
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();
        var link = DeliveryScenarios.DownloadLinks(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Single();
        var tampered = link[..^3] + (link[^3] == 'A' ? 'B' : 'A') + link[^2..];

        var answer = await buyer.Client.GetAsync(tampered);

        answer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()).Should().Contain("This download link is not valid").And.Contain("Go back to your order page");
    }

    [Fact]
    public async Task Download_AfterAFullRefund_RevokedAndNoLinksOnTheOrderPage()
    {
        using var shop = await app.ShopAsync();
        await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3], "notes.txt", "text/plain");
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();
        var link = DeliveryScenarios.DownloadLinks(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Single();

        await shop.CreatorRefundsAsync(order.Id, "", Guid.NewGuid().ToString("N"));

        var answer = await buyer.Client.GetAsync(link);
        answer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()).Should().Contain("This order no longer gives access to its files");
        DeliveryScenarios.DownloadLinks(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Should().BeEmpty();
    }

    [Fact]
    public async Task Download_PastThePerFileLimit_MessageUntilTheCreatorResetsIt()
    {
        using var shop = await app.ShopAsync();
        await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3], "notes.txt", "text/plain");
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();
        var link = DeliveryScenarios.DownloadLinks(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Single();
        for (var i = 0; i < 3; i++) (await buyer.Client.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK);

        var fourth = await buyer.Client.GetAsync(link);

        fourth.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await fourth.Content.ReadAsStringAsync()).Should().Contain("You have downloaded this file the most times allowed");
        var fileId = await app.WithDbAsync(db => db.ListingFiles.Where(f => f.ListingId == shop.ListingId).Select(f => f.Id).SingleAsync());
        var reset = await shop.Creator.SubmitFormAsync($"/creator/listings/{shop.ListingId}/files", new Dictionary<string, string>(),
            $"/creator/listings/{shop.ListingId}/files/{fileId}/reset-downloads");
        reset.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await buyer.Client.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.FileDownloads.CountAsync(d => d.OrderId == order.Id))).Should().Be(4, "the log keeps every download");
    }

    [Fact]
    public async Task Upload_PastThePlansStorage_402AndNothingKept()
    {
        using var shop = await app.ShopAsync(PlanCodes.Free);

        var refused = await shop.Creator.UploadAsync(shop.ListingId, DeliveryScenarios.RandomFile(1024 * 1024 + 1, "PK\x03\x04"), "big.zip", "application/zip");

        refused.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("Your Free plan allows 1 MB of files and 1 MB are left — upgrade")
            .And.Contain("No files yet.");
        (await app.WithDbAsync(db => db.ListingFiles.CountAsync(f => f.ListingId == shop.ListingId))).Should().Be(0);
        Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories)
            .Should().NotContain(f => f.Contains($"listings{Path.DirectorySeparatorChar}{shop.ListingId}{Path.DirectorySeparatorChar}"));
    }

    [Fact]
    public async Task Replace_AfterThePurchase_OrderPageNotesItAndServesTheNewBytes()
    {
        using var shop = await app.ShopAsync();
        await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3], "notes.txt", "text/plain");
        var order = await app.PaidOrderAsync(shop);
        var fileId = await app.WithDbAsync(db => db.ListingFiles.Where(f => f.ListingId == shop.ListingId).Select(f => f.Id).SingleAsync());

        var replaced = await shop.Creator.UploadAsync(shop.ListingId, [4, 5, 6, 7], "notes-v2.txt", "text/plain",
            $"/creator/listings/{shop.ListingId}/files/{fileId}/replace");

        replaced.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var buyer = app.Visitor();
        var orderPage = WebUtility.HtmlDecode(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}"));
        orderPage.Should().Contain("notes-v2.txt").And.Contain("Updated by the shop since your purchase");
        (await buyer.Client.GetByteArrayAsync(DeliveryScenarios.DownloadLinks(orderPage).Single())).Should().Equal(4, 5, 6, 7);
    }

    [Theory]
    [InlineData("guide.pdf", "PDF")]
    [InlineData("album.zip", "ZIP")]
    public async Task Upload_BytesNotOfTheExtensionsType_SamePageSaysSoAndNothingStored(string name, string type)
    {
        using var shop = await app.ShopAsync();

        var refused = await shop.Creator.UploadAsync(shop.ListingId, "GIF89a, a picture renamed"u8.ToArray(), name);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain($"“{name}” is not a real {type} file");
        (await app.WithDbAsync(db => db.ListingFiles.CountAsync(f => f.ListingId == shop.ListingId))).Should().Be(0);
        var store = app.Services.GetRequiredService<IFileStore>();
        (await store.ListAsync().Where(o => o.Key.StartsWith($"listings/{shop.ListingId}/", StringComparison.Ordinal)).CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Upload_WithoutTheAntiforgeryToken_400AndNothingStored()
    {
        using var shop = await app.ShopAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.txt" } };

        var answer = await shop.Creator.Client.PostAsync($"/creator/listings/{shop.ListingId}/files", form);

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.ListingFiles.CountAsync(f => f.ListingId == shop.ListingId))).Should().Be(0);
    }

    [Fact]
    public async Task OrphanSweep_PastTheGracePeriod_DeletesOnlyFilesNoListingFileNames()
    {
        using var shop = await app.ShopAsync();
        await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3], "kept.txt", "text/plain");
        var store = app.Services.GetRequiredService<IFileStore>();
        var orphan = $"listings/{shop.ListingId}/orphan";
        await store.PutAsync(orphan, new MemoryStream([9]));
        var kept = await app.WithDbAsync(db => db.ListingFiles.Where(f => f.ListingId == shop.ListingId).Select(f => f.StoreKey).SingleAsync());

        (await app.WithServiceAsync<OrphanFileSweepJob, int>(job => job.RunAsync(CancellationToken.None))).Should().Be(0, "within the grace period");
        app.Clock.Offset = TimeSpan.FromHours(25);
        try
        {
            await app.WithServiceAsync<OrphanFileSweepJob, int>(job => job.RunAsync(CancellationToken.None));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        (await store.GetSizeAsync(orphan)).Should().BeNull();
        (await store.GetSizeAsync(kept)).Should().Be(3);
    }
}
