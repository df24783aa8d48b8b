using System.Globalization;
using Marketplace.Core.Memberships;
using Marketplace.Core.Memberships.Posts;

namespace Marketplace.Web.Models;

/// <summary>
/// The post form: title, Markdown body and the audience as one choice: <c>public</c>, <c>members</c> or
/// <c>tier:{id}</c> (that tier and the tiers above it by monthly price).
/// </summary>
public sealed class MembershipPostFormModel
{
    public string? Title { get; set; }

    /// <summary>Markdown.</summary>
    public string? Body { get; set; }

    /// <summary><c>public</c>, <c>members</c> or <c>tier:{id}</c>.</summary>
    public string? Audience { get; set; } = "members";

    /// <summary>The input for Core; an unknown audience is "a tier and above" without a tier (refused with a message).</summary>
    public MembershipPostInput ToInput() => Audience switch
    {
        "public" => new(Title, Body, PostVisibility.Public, null),
        "members" => new(Title, Body, PostVisibility.Members, null),
        _ when Audience?.StartsWith("tier:", StringComparison.Ordinal) == true
            && int.TryParse(Audience.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => new(Title, Body, PostVisibility.TierAndAbove, id),
        _ => new(Title, Body, PostVisibility.TierAndAbove, null),
    };

    /// <summary>The form filled with <paramref name="post"/>.</summary>
    public static MembershipPostFormModel From(MembershipPost post) => new()
    {
        Title = post.Title,
        Body = post.Body,
        Audience = post.Visibility switch
        {
            PostVisibility.Public => "public",
            PostVisibility.Members => "members",
            _ => string.Create(CultureInfo.InvariantCulture, $"tier:{post.MinimumTierId}"),
        },
    };
}

/// <summary>The post form page: the form, the post's id when editing, the creator's tiers to choose from, the error to show.</summary>
public sealed record MembershipPostFormViewModel(MembershipPostFormModel Form, int? PostId, IReadOnlyList<MembershipTier> Tiers, string? Error);

/// <summary>A post page on the storefront: the shop, the post and whether this reader may read it.</summary>
public sealed record MembershipPostPageViewModel(string Slug, string ShopName, ReadablePost Shown);

/// <summary>The opt-out page: the token, the creator's name (null: the link is not valid) and whether the emails are now off.</summary>
public sealed record PostEmailOptOutViewModel(string? Token, string? CreatorName, bool Done);
