namespace Marketplace.Core.Images;

/// <summary>
/// A stored picture that is not a listing's (a shop's avatar or banner): the <see cref="IImageStore"/> keys of its three
/// renditions (<see cref="ImageRenditions"/>), their widths, the full rendition's height and the alt text the creator
/// wrote (null: the picture is decorative, the shop's name is next to it). Kept as columns of its owner.
/// </summary>
public sealed record StoredImage(string ThumbnailKey, int ThumbnailWidth, string CardKey, int CardWidth, string FullKey, int FullWidth, int FullHeight, string? Alt)
{
    /// <summary>Longest alt text, in characters.</summary>
    public const int MaxAltLength = 300;

    /// <summary>Length of a store key (<c>ab/</c> + 64 hex + <c>.jpg</c>).</summary>
    public const int KeyLength = 71;

    /// <summary>The picture of an accepted upload, with its alt text (blank: none).</summary>
    public static StoredImage From(ProcessedImage image, string? alt) => new(image.Thumbnail.Key, image.Thumbnail.Width, image.Card.Key, image.Card.Width,
        image.Full.Key, image.Full.Width, image.Full.Height, string.IsNullOrWhiteSpace(alt) ? null : alt.Trim());

    /// <summary>Each distinct rendition as (key, width), smallest first: the <c>srcset</c> candidates.</summary>
    public IEnumerable<(string Key, int Width)> Sources() =>
        new[] { (ThumbnailKey, ThumbnailWidth), (CardKey, CardWidth), (FullKey, FullWidth) }.DistinctBy(s => s.Item2);

    /// <summary>The height of a rendition <paramref name="width"/> pixels wide (the full rendition's ratio).</summary>
    public int HeightAt(int width) => FullWidth == 0 ? 0 : (int)Math.Round((double)FullHeight * width / FullWidth);

    /// <summary>The same picture with another alt text (blank: none).</summary>
    public StoredImage WithAlt(string? alt) => this with { Alt = string.IsNullOrWhiteSpace(alt) ? null : alt.Trim() };
}
