using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;

namespace Marketplace.Tests.Creators;

/// <summary>The shop settings form of <c>/creator/shop</c>, submitted as a creator's browser does.</summary>
public static class ShopScenarios
{
    /// <summary>Posts the shop form with <paramref name="slug"/> and the given fields (others empty); the name defaults to <paramref name="name"/>.</summary>
    public static Task<HttpResponseMessage> SaveShopAsync(this BrowserSession creator, string slug, string name = "Maker", string bio = "",
        string website = "", string[]? social = null, string email = "", bool showEmail = false, string refundPolicy = "")
    {
        var fields = new Dictionary<string, string>
        {
            ["DisplayName"] = name, ["Slug"] = slug, ["Bio"] = bio, ["Website"] = website, ["ContactEmail"] = email,
            ["RefundPolicy"] = refundPolicy,
        };
        if (showEmail) fields["ShowContactEmail"] = "true";
        for (var i = 0; i < (social ?? []).Length; i++) fields[$"SocialLinks[{i}]"] = social![i];
        return creator.SubmitFormAsync("/creator/shop", fields);
    }

    /// <summary>
    /// Posts the shop form as multipart with pictures (field <c>Avatar</c> or <c>Banner</c>, file name, bytes, content
    /// type); the banner's alt text is "A workshop bench", the avatar's blank.
    /// </summary>
    public static Task<HttpResponseMessage> SaveShopWithPicturesAsync(this BrowserSession creator, string slug, string name,
        params (string Field, string FileName, byte[] Bytes, string ContentType)[] files) => creator.SaveShopWithPicturesAsync(slug, name, null, files);

    /// <summary>The shop form as multipart with pictures, as the overload above, plus the <paramref name="extra"/> fields.</summary>
    public static Task<HttpResponseMessage> SaveShopWithPicturesAsync(this BrowserSession creator, string slug, string name,
        IDictionary<string, string>? extra, params (string Field, string FileName, byte[] Bytes, string ContentType)[] files)
    {
        var fields = new Dictionary<string, string> { ["DisplayName"] = name, ["Slug"] = slug, ["BannerAlt"] = "A workshop bench", ["AvatarAlt"] = "" };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) fields[key] = value;
        return creator.PostListingFormAsync("/creator/shop", "/creator/shop", fields, files);
    }
}
