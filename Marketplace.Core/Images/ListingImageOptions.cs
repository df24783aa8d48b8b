using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.Images;

/// <summary>Listing images, section <c>Listings</c>: where renditions are written and what an upload may be.</summary>
public sealed class ListingImageOptions
{
    public const string SectionName = "Listings";

    /// <summary>Folder of the stored renditions, absolute or relative to the content root (default <c>App_Data/images</c>).</summary>
    public string ImageDirectory { get; set; } = "App_Data/images";

    /// <summary>Largest accepted upload, in bytes, per file (default 10 MB).</summary>
    [Range(1024, 100_000_000)]
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest accepted picture, in pixels (width × height), read from the header before decoding (default 40 megapixels).</summary>
    [Range(1, 200_000_000)]
    public long MaxImagePixels { get; set; } = 40_000_000;
}
