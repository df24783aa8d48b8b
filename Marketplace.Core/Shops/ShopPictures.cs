namespace Marketplace.Core.Shops;

/// <summary>
/// What the shop form changes in one of the shop's pictures (avatar or banner): a new upload (replaces the old one),
/// its alt text (also changes the alt of the picture kept), or its removal.
/// </summary>
/// <param name="NewImage">An accepted upload, its renditions already stored (the web app does both), or null to keep the current picture.</param>
/// <param name="Alt">What the picture shows; blank: decorative (the shop's name is next to it).</param>
/// <param name="Remove">True to drop the picture (ignored when <paramref name="NewImage"/> is given).</param>
public sealed record ShopPictureChange(ShopPicture? NewImage, string? Alt, bool Remove)
{
    /// <summary>Keeps the picture as it is, alt text included.</summary>
    public static ShopPictureChange Keep { get; } = new(null, null, false) { KeepsAlt = true };

    /// <summary>True for <see cref="Keep"/>: the alt text is left alone.</summary>
    public bool KeepsAlt { get; private init; }

    /// <summary>The picture after the change, from the <paramref name="current"/> one.</summary>
    public ShopPicture? Apply(ShopPicture? current) =>
        NewImage is not null ? NewImage.WithAlt(Alt)
        : Remove ? null
        : KeepsAlt ? current
        : current?.WithAlt(Alt);
}

/// <summary>The shop form's changes to the avatar (square-ish, next to the name) and the banner (wide, atop the storefront).</summary>
public sealed record ShopPictures(ShopPictureChange Avatar, ShopPictureChange Banner)
{
    /// <summary>No change (a caller without pictures).</summary>
    public static ShopPictures None { get; } = new(ShopPictureChange.Keep, ShopPictureChange.Keep);
}
