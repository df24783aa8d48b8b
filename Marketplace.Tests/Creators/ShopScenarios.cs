using Marketplace.Tests.Infrastructure;

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
}
