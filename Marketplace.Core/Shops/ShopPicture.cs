namespace Marketplace.Core.Shops;

/// <summary>
/// A shop's avatar or banner: the image store's keys of its three renditions (thumbnail, card, full: the listing
/// pictures' pipeline, <c>Core/Images</c>), their widths, the full rendition's height and the alt text the creator
/// wrote (null: the picture is decorative, the shop's name is next to it). Kept as columns of its owner.
/// </summary>
public sealed record ShopPicture(string ThumbnailKey, int ThumbnailWidth, string CardKey, int CardWidth, string FullKey, int FullWidth, int FullHeight, string? Alt)
{
    /// <summary>Longest alt text, in characters.</summary>
    public const int MaxAltLength = 300;

    /// <summary>Length of a store key (<c>ab/</c> + 64 hex + <c>.jpg</c>).</summary>
    public const int KeyLength = 71;

    /// <summary>Each distinct rendition as (key, width), smallest first: the <c>srcset</c> candidates.</summary>
    public IEnumerable<(string Key, int Width)> Sources() =>
        new[] { (ThumbnailKey, ThumbnailWidth), (CardKey, CardWidth), (FullKey, FullWidth) }.DistinctBy(s => s.Item2);

    /// <summary>The height of a rendition <paramref name="width"/> pixels wide (the full rendition's ratio).</summary>
    public int HeightAt(int width) => FullWidth == 0 ? 0 : (int)Math.Round((double)FullHeight * width / FullWidth);

    /// <summary>The same picture with another alt text (blank: none).</summary>
    public ShopPicture WithAlt(string? alt) => this with { Alt = string.IsNullOrWhiteSpace(alt) ? null : alt.Trim() };
}
