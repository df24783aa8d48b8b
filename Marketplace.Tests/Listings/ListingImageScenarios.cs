using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.Tests.Listings;

/// <summary>Pictures made in the test (ImageSharp) and the listing form posted as <c>multipart/form-data</c>, as a browser sends it.</summary>
public static partial class ListingImageScenarios
{
    /// <summary>A JPEG photo <paramref name="width"/>×<paramref name="height"/> carrying an EXIF profile with a GPS position (Paris).</summary>
    public static byte[] JpegWithGps(int width = 2000, int height = 1500)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(200, 120, 40));
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(48, 1), new Rational(51, 1), new Rational(24, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(2, 1), new Rational(21, 1), new Rational(3, 1)]);
        exif.SetValue(ExifTag.Model, "Test camera");
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    /// <summary>A small PNG.</summary>
    public static byte[] Png(int width = 400, int height = 300)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(20, 90, 200, 255));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }

    /// <summary>
    /// Posts the listing form (<paramref name="action"/>: <c>/creator/listings</c> or <c>/creator/listings/{id}</c>) as
    /// multipart, with the token of <paramref name="formPage"/>, the text fields and the files (field name, file name, bytes, content type).
    /// </summary>
    public static async Task<HttpResponseMessage> PostListingFormAsync(this BrowserSession browser, string formPage, string action,
        IDictionary<string, string> fields, params (string Field, string FileName, byte[] Bytes, string ContentType)[] files)
    {
        var page = await browser.Client.GetStringAsync(formPage);
        var token = Token().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {formPage}.");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var (field, fileName, bytes, contentType) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(file, field, fileName);
        }

        return await browser.Client.PostAsync(action, content);
    }

    /// <summary>The new listing form with a title, a price in EUR, a description and files.</summary>
    public static Task<HttpResponseMessage> CreateListingWithPicturesAsync(this BrowserSession browser, string title, string? coverAlt,
        string description = "Handmade.", params (string Field, string FileName, byte[] Bytes, string ContentType)[] files)
    {
        var fields = new Dictionary<string, string> { ["Title"] = title, ["Description"] = description, ["Price"] = "12.50", ["Currency"] = "eur" };
        if (coverAlt is not null) fields["CoverAlt"] = coverAlt;
        return browser.PostListingFormAsync("/creator/listings/new", "/creator/listings", fields, files);
    }

    /// <summary>Every file under the app's image folder (<c>Listings:ImageDirectory</c>, in the test's data folder).</summary>
    public static string[] StoredImageFiles(this MarketplaceFactory app)
    {
        var directory = Path.Combine(app.DataDirectory, "images");
        return Directory.Exists(directory) ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : [];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
