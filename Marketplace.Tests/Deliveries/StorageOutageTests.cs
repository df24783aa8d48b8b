using System.Net;
using System.Net.Sockets;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Deliveries;

/// <summary>The app with <c>Files:Provider=S3</c> on a server that is down: a loopback port nothing listens on.</summary>
public sealed class S3DownFactory : LiveMarketplaceFactory
{
    public S3DownFactory() : base(true, new Dictionary<string, string?>
    {
        ["Files:Provider"] = "S3",
        ["Files:S3:ServiceUrl"] = $"http://127.0.0.1:{ClosedPort()}",
        ["Files:S3:Bucket"] = "marketplace",
        ["Files:S3:AccessKeyId"] = "test",
        ["Files:S3:SecretAccessKey"] = "test",
        ["Files:S3:ForcePathStyle"] = "true",
        ["Files:S3:TimeoutSeconds"] = "10",
    })
    {
    }

    /// <summary>A loopback port that was free a moment ago (a listener opened and closed): connections to it are refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A storage outage (the S3 server down) as the creator meets it: the form again, with a message, and nothing saved.</summary>
public sealed class StorageOutageTests(S3DownFactory app) : IClassFixture<S3DownFactory>
{
    [Fact]
    public async Task Upload_S3ServerDown_503FormWithTheMessageAndNoFileSaved()
    {
        using var shop = await app.ShopAsync();

        var answer = await shop.Creator.UploadAsync(shop.ListingId, [1, 2, 3], "notes.txt", "text/plain");

        answer.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        html.Should().Contain("The file storage is not answering right now, so nothing was saved").And.Contain("No files yet.")
            .And.Contain("name=\"__RequestVerificationToken\"", "the form is there to try again");
        (await app.WithDbAsync(db => db.ListingFiles.CountAsync(f => f.ListingId == shop.ListingId))).Should().Be(0);
    }
}
