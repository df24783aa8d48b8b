namespace Marketplace.Core.Shops;

/// <summary>
/// What the public pages show about a shop besides its name: the bio (plain text, line breaks kept), the website and
/// social links (absolute http(s) URLs, checked by <see cref="ShopRules.UrlError"/>), the contact email only when the
/// creator chose to show it (null otherwise) and the refund policy (plain text).
/// </summary>
public sealed record ShopDetails(string? Bio, string? WebsiteUrl, IReadOnlyList<string> SocialLinks, string? ContactEmail, string? RefundPolicy)
{
    /// <summary>The avatar shown next to the shop's name; null when none.</summary>
    public ShopPicture? Avatar { get; init; }

    /// <summary>The banner across the top of the storefront; null when none.</summary>
    public ShopPicture? Banner { get; init; }

    /// <summary>A shop that filled in nothing.</summary>
    public static ShopDetails None { get; } = new(null, null, [], null, null);

    /// <summary>The website first, then the social links: what the storefront lists.</summary>
    public IReadOnlyList<string> Links => [.. (WebsiteUrl is null ? [] : new[] { WebsiteUrl }).Concat(SocialLinks)];
}
