using Marketplace.Core.Images;

namespace Marketplace.Core.Listings;

/// <summary>
/// What a listing form changes in the listing's pictures: a new cover (replaces the old one), the cover's alt text,
/// gallery images to add at the end, and positions to remove (0: the cover, unless a new one comes).
/// </summary>
public sealed record ListingImageChanges(ProcessedImage? NewCover, string? CoverAlt, IReadOnlyList<ProcessedImage> NewGallery, IReadOnlySet<int> RemovePositions)
{
    /// <summary>No change (the JSON API, a form without pictures).</summary>
    public static readonly ListingImageChanges None = new(null, null, [], new HashSet<int>());

    /// <summary>Every rendition the change adds, to write to the store before the save.</summary>
    public IEnumerable<ImageRendition> NewRenditions() =>
        (NewCover is null ? NewGallery : NewGallery.Prepend(NewCover)).SelectMany(i => new[] { i.Thumbnail, i.Card, i.Full });
}
