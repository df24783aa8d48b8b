using System.Net;
using System.Security.Cryptography;
using Marketplace.Core.Deliveries;
using Marketplace.Files;
using Marketplace.Tests.Deliveries;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.SystemTests.Files;

/// <summary>
/// The app with <c>Files:Provider=S3</c> on the S3 server ./test.sh starts: its own key prefix, clock that tests move,
/// 3 downloads per file, and the Free plan's storage at 1 MiB.
/// </summary>
public sealed class S3FilesFactory : LiveMarketplaceFactory
{
    public S3FilesFactory() : base(true, S3Settings())
    {
    }

    /// <summary>The app's <see cref="TimeProvider"/>: the system clock plus <see cref="ShiftedClock.Offset"/>.</summary>
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private static Dictionary<string, string?> S3Settings()
    {
        var settings = S3TestServer.AppSettings(S3TestServer.Options());
        settings["Orders:AnonymousBuyPermitPerMinute"] = "10000";
        settings["Listings:MaxDownloadsPerFile"] = "3";
        settings["Listings:StorageBytesByPlan:FREE"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}

/// <summary>The buyer's journey with the files in S3: upload, paid order, a counted download redirected to a presigned GET.</summary>
public sealed class S3DeliveryTests(S3FilesFactory app) : IClassFixture<S3FilesFactory>
{
    [Fact]
    public async Task Download_S3Provider_RedirectToAPresignedGetOfTheSameBytesUntilExpiryAndRefund()
    {
        using var shop = await app.ShopAsync();
        var bytes = DeliveryScenarios.RandomFile(12 * 1024 * 1024 + 321, "%PDF-"); // multipart: three 5 MiB parts
        var uploaded = await shop.Creator.UploadAsync(shop.ListingId, bytes, "Guide – été.pdf");
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync($"/creator/listings/{shop.ListingId}/files")).Should().Contain(sha);
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();
        var link = DeliveryScenarios.DownloadLinks(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Should().ContainSingle().Subject;

        var redirect = await buyer.Client.GetAsync(link);

        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var presigned = redirect.Headers.Location!;
        presigned.GetLeftPart(UriPartial.Authority).Should().Be(new Uri(S3TestServer.Url).GetLeftPart(UriPartial.Authority));
        using var http = new HttpClient();
        var file = await http.GetAsync(presigned);
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        Convert.ToHexStringLower(SHA256.HashData(await file.Content.ReadAsByteArrayAsync())).Should().Be(sha);
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        file.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        file.Content.Headers.ContentDisposition.FileNameStar.Should().Be("Guide – été.pdf");
        (await app.WithDbAsync(db => db.FileDownloads.CountAsync(d => d.OrderId == order.Id))).Should().Be(1, "our link counts the download before redirecting");

        app.Clock.Offset = TimeSpan.FromMinutes(16);
        HttpResponseMessage expired;
        try
        {
            expired = await buyer.Client.GetAsync(link);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        expired.StatusCode.Should().Be(HttpStatusCode.Gone, "our link expires on the app's clock");
        await shop.CreatorRefundsAsync(order.Id, "", Guid.NewGuid().ToString("N"));
        var revoked = await buyer.Client.GetAsync(link);
        revoked.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        revoked.Headers.Location.Should().BeNull("a revoked order never gets a presigned URL");
    }

    [Fact]
    public async Task Upload_PastThePlansStorageOnS3_402AndNoObjectLeft()
    {
        using var shop = await app.ShopAsync(Core.Plans.PlanCodes.Free);

        var refused = await shop.Creator.UploadAsync(shop.ListingId, DeliveryScenarios.RandomFile(6 * 1024 * 1024, "PK\x03\x04"), "big.zip", "application/zip");

        refused.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
        var store = app.Services.GetRequiredService<IFileStore>();
        var left = new List<string>();
        await foreach (var stored in store.ListAsync()) left.Add(stored.Key);
        left.Should().NotContain(k => k.StartsWith($"listings/{shop.ListingId}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrphanSweep_S3PastTheGracePeriod_DeletesOnlyObjectsNoListingFileNames()
    {
        using var shop = await app.ShopAsync();
        await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3], "kept.txt", "text/plain");
        var store = app.Services.GetRequiredService<IFileStore>();
        var orphan = $"listings/{shop.ListingId}/orphan";
        await store.PutAsync(orphan, new MemoryStream([9]));
        var kept = await app.WithDbAsync(db => db.ListingFiles.Where(f => f.ListingId == shop.ListingId).Select(f => f.StoreKey).SingleAsync());

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
