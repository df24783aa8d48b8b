using Marketplace.Core.Creators;
using Marketplace.Core.Shops;

namespace Marketplace.Web.Models;

/// <summary>The shop settings form of <c>/creator/shop</c>, as posted (social links as <c>SocialLinks[0]</c>…<c>[3]</c>).</summary>
public sealed class ShopFormModel
{
    public string? DisplayName { get; set; }

    public string? Slug { get; set; }

    public string? Bio { get; set; }

    public string? Website { get; set; }

    public List<string?> SocialLinks { get; set; } = [];

    public string? ContactEmail { get; set; }

    public bool ShowContactEmail { get; set; }

    public string? RefundPolicy { get; set; }

    /// <summary>A new avatar (JPEG, PNG, WebP or GIF), or none to keep the current one.</summary>
    public IFormFile? Avatar { get; set; }

    /// <summary>What the avatar shows; blank: decorative.</summary>
    public string? AvatarAlt { get; set; }

    /// <summary>True to remove the current avatar.</summary>
    public bool RemoveAvatar { get; set; }

    /// <summary>A new banner, or none to keep the current one.</summary>
    public IFormFile? Banner { get; set; }

    /// <summary>What the banner shows; blank: decorative.</summary>
    public string? BannerAlt { get; set; }

    /// <summary>True to remove the current banner.</summary>
    public bool RemoveBanner { get; set; }

    /// <summary>The input for Core (<see cref="ShopSettings"/>) with the pictures already read.</summary>
    public ShopSettingsInput ToInput(ShopPictures pictures) =>
        new(DisplayName, Slug, Bio, Website, SocialLinks, ContactEmail, ShowContactEmail, RefundPolicy) { Pictures = pictures };

    /// <summary>The form filled from the stored profile.</summary>
    public static ShopFormModel From(CreatorProfile creator) => new()
    {
        DisplayName = creator.DisplayName,
        Slug = creator.Slug,
        Bio = creator.Bio,
        Website = creator.WebsiteUrl,
        SocialLinks = [.. creator.SocialLinks],
        ContactEmail = creator.ContactEmail,
        ShowContactEmail = creator.ShowContactEmail,
        RefundPolicy = creator.RefundPolicy,
        AvatarAlt = creator.Avatar?.Alt,
        BannerAlt = creator.Banner?.Alt,
    };
}

/// <summary>The shop settings page: the form, the shop's absolute address, each field's error (translated), a saved notice and the stored pictures.</summary>
public sealed record ShopPageViewModel(ShopFormModel Form, string ShopUrl, IReadOnlyDictionary<string, string> Errors, bool Saved)
{
    /// <summary>The avatar stored now; null when none.</summary>
    public ShopPicture? Avatar { get; init; }

    /// <summary>The banner stored now; null when none.</summary>
    public ShopPicture? Banner { get; init; }

    /// <summary>The error of <paramref name="field"/>, or null.</summary>
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}
