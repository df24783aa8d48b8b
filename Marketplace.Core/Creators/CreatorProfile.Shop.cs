using Marketplace.Core.Shops;

namespace Marketplace.Core.Creators;

/// <summary>The shop a visitor sees: bio, links, contact email, refund policy; and the creator's start checklist marks.</summary>
public partial class CreatorProfile
{
    /// <summary>Plain text, line breaks kept, at most <see cref="ShopRules.MaxBioLength"/> characters; null when empty.</summary>
    public string? Bio { get; private set; }

    /// <summary>The shop's website, an absolute http(s) URL; null when none.</summary>
    public string? WebsiteUrl { get; private set; }

    /// <summary>Up to <see cref="ShopRules.MaxSocialLinks"/> absolute http(s) URLs (social profiles), in the creator's order.</summary>
    public List<string> SocialLinks { get; private set; } = [];

    /// <summary>The email buyers may write to; shown only when <see cref="ShowContactEmail"/>.</summary>
    public string? ContactEmail { get; private set; }

    /// <summary>Whether the storefront and listing pages show <see cref="ContactEmail"/> ("Contact the seller").</summary>
    public bool ShowContactEmail { get; private set; }

    /// <summary>Plain text shown on every listing page of the shop; null when none.</summary>
    public string? RefundPolicy { get; private set; }

    /// <summary>The shop's avatar, shown next to its name (storefront, seller card); null when none.</summary>
    public ShopPicture? Avatar { get; private set; }

    /// <summary>The shop's banner, across the top of the storefront; null when none.</summary>
    public ShopPicture? Banner { get; private set; }

    /// <summary>When the creator first opened or copied their shop's link (the checklist's last step), UTC; null before.</summary>
    public DateTime? ShopSharedAt { get; private set; }

    /// <summary>When the creator chose to stay on the Free plan from the checklist, UTC; null when they did not.</summary>
    public DateTime? FreePlanKeptAt { get; private set; }

    /// <summary>
    /// Applies shop settings already checked by <see cref="ShopSettings"/> (trimmed, empty as null). The slug is changed
    /// by <see cref="ShopSettings"/> too, which keeps the old one as a <see cref="FormerSlug"/>.
    /// </summary>
    /// <exception cref="DomainException">The name breaks <see cref="Text.TextRules.NameError"/>.</exception>
    internal void ApplyShop(ShopSettingsInput input, string slug)
    {
        if (string.IsNullOrWhiteSpace(input.DisplayName)) throw new DomainException("A display name is required.");
        Text.TextRules.EnsureName(input.DisplayName, "shop name");
        DisplayName = input.DisplayName.Trim();
        Slug = slug;
        Bio = ShopRules.Blank(input.Bio);
        WebsiteUrl = ShopRules.Blank(input.Website);
        SocialLinks = [.. input.SocialLinks.Select(ShopRules.Blank).OfType<string>()];
        ContactEmail = ShopRules.Blank(input.ContactEmail);
        ShowContactEmail = input.ShowContactEmail && ContactEmail is not null;
        RefundPolicy = ShopRules.Blank(input.RefundPolicy);
        Avatar = input.Pictures.Avatar.Apply(Avatar);
        Banner = input.Pictures.Banner.Apply(Banner);
    }

    /// <summary>Notes that the shop's link was opened or copied by its creator, the first time at <paramref name="now"/> (UTC).</summary>
    public void MarkShopShared(DateTime now) => ShopSharedAt ??= now;

    /// <summary>Notes that the creator keeps the Free plan (the checklist's plan step), the first time at <paramref name="now"/> (UTC).</summary>
    public void MarkFreePlanKept(DateTime now) => FreePlanKeptAt ??= now;
}
