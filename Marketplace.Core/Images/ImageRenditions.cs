using System.Security.Cryptography;
using Marketplace.Core.Text;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Marketplace.Core.Images;

/// <summary>One stored size of an image: its key in the <see cref="IImageStore"/>, its pixel size and its bytes (JPEG).</summary>
public sealed record ImageRendition(string Key, int Width, int Height, byte[] Bytes);

/// <summary>An accepted upload: its thumbnail, card and full renditions (JPEG, no metadata).</summary>
public sealed record ProcessedImage(ImageRendition Thumbnail, ImageRendition Card, ImageRendition Full);

/// <summary>An upload read by <see cref="ImageRenditions.Process"/>: the renditions, or why it was refused.</summary>
public sealed record ImageUploadResult(ProcessedImage? Image, CoreMessage? Error);

/// <summary>
/// Turns an uploaded picture into the renditions a page shows, with SixLabors.ImageSharp 2.1 (Apache-2.0; ImageSharp 3
/// and later are under the Six Labors Split License, paid for some companies: stay on 2.1.x). The real format is
/// sniffed from the bytes with a configuration that knows only JPEG, PNG, WebP and GIF (never SVG, whatever the file
/// name or content type says); anything else, more than <see cref="ListingImageOptions.MaxImageBytes"/> bytes or more
/// than <see cref="ListingImageOptions.MaxImagePixels"/> pixels (read from the header by <c>Identify</c> before any
/// decoding: the decompression-bomb guard) is refused. A GIF gives its first frame only. The picture is turned upright
/// from its EXIF orientation, then every metadata profile (EXIF with GPS, ICC, IPTC, XMP) is dropped, transparency is
/// laid on white, and it is written as JPEG (quality 82) bounded to <see cref="ThumbnailSize"/>, <see cref="CardSize"/>
/// and <see cref="FullSize"/> pixels on its longer side (never enlarged). Keys are content addresses:
/// <c>{first two hex}/{sha256 hex}.jpg</c>.
/// </summary>
public sealed class ImageRenditions(IOptions<ListingImageOptions> options)
{
    /// <summary>Longer side of the thumbnail (storefront grid), in pixels.</summary>
    public const int ThumbnailSize = 320;

    /// <summary>Longer side of the card rendition (shared previews, Stripe Checkout), in pixels.</summary>
    public const int CardSize = 640;

    /// <summary>Longer side of the full rendition (listing page), in pixels.</summary>
    public const int FullSize = 1600;

    /// <summary>What the file input accepts (the server checks the bytes anyway).</summary>
    public const string Accept = "image/jpeg,image/png,image/webp,image/gif";

    private static readonly Configuration Formats = NewConfiguration();
    private static readonly JpegEncoder Encoder = new() { Quality = 82 };

    /// <summary>Reads <paramref name="upload"/> (at most MaxImageBytes + 1 bytes are read) and makes its renditions, or says why not.</summary>
    public ImageUploadResult Process(Stream upload)
    {
        var max = options.Value.MaxImageBytes;
        var bytes = ReadAtMost(upload, max + 1);
        if (bytes.Length == 0) return Refused("The image file is empty.");
        if (bytes.Length > max) return Refused(CoreMessage.Of("An image is at most {0} MB.", Math.Round(max / 1048576.0, 1)));
        IImageInfo? info;
        try
        {
            info = Image.Identify(Formats, bytes, out _);
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or ImageFormatException or NotSupportedException)
        {
            info = null;
        }

        if (info is null) return Refused("Only JPEG, PNG, WebP and GIF images are accepted.");
        if ((long)info.Width * info.Height > options.Value.MaxImagePixels)
            return Refused(CoreMessage.Of("An image is at most {0} megapixels.", options.Value.MaxImagePixels / 1_000_000));
        try
        {
            using var image = Image.Load(Formats, bytes);
            while (image.Frames.Count > 1) image.Frames.RemoveFrame(1);
            image.Mutate(x => x.AutoOrient().BackgroundColor(Color.White));
            StripMetadata(image);
            return new(new ProcessedImage(Render(image, ThumbnailSize), Render(image, CardSize), Render(image, FullSize)), null);
        }
        catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException or ImageFormatException or NotSupportedException)
        {
            return Refused("This image could not be read: it may be damaged.");
        }
    }

    private static ImageRendition Render(Image image, int longerSide)
    {
        using var copy = image.Clone(x =>
        {
            if (image.Width > longerSide || image.Height > longerSide)
                x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(longerSide, longerSide) });
        });
        StripMetadata(copy);
        using var output = new MemoryStream();
        copy.SaveAsJpeg(output, Encoder);
        var bytes = output.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new ImageRendition($"{hash[..2]}/{hash}.jpg", copy.Width, copy.Height, bytes);
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IccProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private static byte[] ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0) buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    private static ImageUploadResult Refused(CoreMessage error) => new(null, error);

    private static Configuration NewConfiguration()
    {
        var configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule(), new GifConfigurationModule());
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = SixLabors.ImageSharp.Metadata.FrameDecodingMode.First });
        return configuration;
    }
}
