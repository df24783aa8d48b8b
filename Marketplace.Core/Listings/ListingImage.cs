using Marketplace.Core.Images;

namespace Marketplace.Core.Listings;

/// <summary>
/// A picture of a listing: position 0 is the cover (storefront card, shared previews, Stripe Checkout), 1 to
/// <see cref="MaxGallery"/> the gallery, in order. Holds the <see cref="IImageStore"/> keys of its three renditions
/// (<see cref="ImageRenditions"/>), their widths and the full rendition's height (for <c>srcset</c>, <c>width</c> and
/// <c>height</c>), and the alt text the creator wrote.
/// </summary>
public class ListingImage
{
    private ListingImage()
    {
    }

    /// <summary>An image of a listing from its renditions.</summary>
    public ListingImage(int position, string? alt, ProcessedImage image, DateTime now)
    {
        Position = position;
        Alt = string.IsNullOrWhiteSpace(alt) ? null : alt.Trim();
        ThumbnailKey = image.Thumbnail.Key;
        ThumbnailWidth = image.Thumbnail.Width;
        CardKey = image.Card.Key;
        CardWidth = image.Card.Width;
        FullKey = image.Full.Key;
        FullWidth = image.Full.Width;
        FullHeight = image.Full.Height;
        CreatedAt = now;
    }

    /// <summary>Position of the cover.</summary>
    public const int CoverPosition = 0;

    /// <summary>Most gallery images a listing has (besides its cover).</summary>
    public const int MaxGallery = 8;

    /// <summary>Longest alt text, in characters.</summary>
    public const int MaxAltLength = 300;

    /// <summary>Length of a store key (<c>ab/</c> + 64 hex + <c>.jpg</c>).</summary>
    public const int KeyLength = 71;

    public int Id { get; private set; }

    public int ListingId { get; private set; }

    /// <summary>0: the cover; 1…8: the gallery, in order.</summary>
    public int Position { get; internal set; }

    /// <summary>What the picture shows, for people who cannot see it; required for the cover; null for a gallery image without one.</summary>
    public string? Alt { get; private set; }

    public string ThumbnailKey { get; private set; } = "";

    public int ThumbnailWidth { get; private set; }

    public string CardKey { get; private set; } = "";

    public int CardWidth { get; private set; }

    public string FullKey { get; private set; } = "";

    public int FullWidth { get; private set; }

    public int FullHeight { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>True for the cover.</summary>
    public bool IsCover => Position == CoverPosition;

    /// <summary>Changes the alt text (blank: none).</summary>
    public void SetAlt(string? alt) => Alt = string.IsNullOrWhiteSpace(alt) ? null : alt.Trim();

    /// <summary>Each distinct rendition as (key, width), smallest first: the <c>srcset</c> candidates.</summary>
    public IEnumerable<(string Key, int Width)> Sources() =>
        new[] { (ThumbnailKey, ThumbnailWidth), (CardKey, CardWidth), (FullKey, FullWidth) }.DistinctBy(s => s.Item2);

    /// <summary>The height of a rendition <paramref name="width"/> pixels wide (the full rendition's ratio).</summary>
    public int HeightAt(int width) => FullWidth == 0 ? 0 : (int)Math.Round((double)FullHeight * width / FullWidth);
}
