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

    /// <summary>The input for Core (<see cref="ShopSettings"/>).</summary>
    public ShopSettingsInput ToInput() =>
        new(DisplayName, Slug, Bio, Website, SocialLinks, ContactEmail, ShowContactEmail, RefundPolicy);

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
    };
}

/// <summary>The shop settings page: the form, the shop's absolute address, each field's error (translated) and a saved notice.</summary>
public sealed record ShopPageViewModel(ShopFormModel Form, string ShopUrl, IReadOnlyDictionary<string, string> Errors, bool Saved)
{
    /// <summary>The error of <paramref name="field"/>, or null.</summary>
    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);
}
