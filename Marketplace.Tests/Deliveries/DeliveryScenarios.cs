using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Deliveries;

/// <summary>
/// The live app for listing files: its clock can be moved forward (<see cref="Clock"/>), a buyer may download a file 3
/// times, and the Free plan stores 1 MiB of files (so a test passes it with a small upload).
/// </summary>
public sealed class FilesFactory : LiveMarketplaceFactory
{
    public FilesFactory() : base(true, new Dictionary<string, string?>
    {
        ["Orders:AnonymousBuyPermitPerMinute"] = "10000",
        ["Listings:MaxDownloadsPerFile"] = "3",
        ["Listings:StorageBytesByPlan:FREE"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    })
    {
    }

    /// <summary>The app's <see cref="TimeProvider"/>: the system clock plus <see cref="ShiftedClock.Offset"/>.</summary>
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The system clock moved by <see cref="Offset"/>.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>Uploads and downloads the way a browser makes them.</summary>
public static partial class DeliveryScenarios
{
    /// <summary>
    /// Posts <paramref name="bytes"/> as a multipart upload from the listing's files page (its antiforgery token as the
    /// first section, as the page's form sends it) to <paramref name="action"/> (the page itself by default).
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(this BrowserSession creator, int listingId, byte[] bytes, string name = "poster.pdf",
        string contentType = "application/pdf", string? action = null)
    {
        var page = $"/creator/listings/{listingId}/files";
        var html = await creator.Client.GetStringAsync(page);
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        token.Should().NotBeEmpty();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", name);
        return await creator.Client.PostAsync(action ?? page, form);
    }

    /// <summary>
    /// <paramref name="size"/> random bytes that start with <paramref name="signature"/> (each character one byte), so
    /// the upload's signature check takes them for that type: <c>%PDF-</c>, <c>PK\x03\x04</c>, <c>RIFF\0\0\0\0WAVE</c>.
    /// </summary>
    public static byte[] RandomFile(int size, string signature)
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(size);
        System.Text.Encoding.Latin1.GetBytes(signature).CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>The <c>/downloads/…</c> links of a page, in order.</summary>
    public static IReadOnlyList<string> DownloadLinks(string html) =>
        [.. DownloadLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"(/downloads/[^\"]+)\"")]
    private static partial Regex DownloadLink();
}
