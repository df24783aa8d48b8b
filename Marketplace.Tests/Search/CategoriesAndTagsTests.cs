using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using static Marketplace.Tests.Search.SearchScenarios;

namespace Marketplace.Tests.Search;

/// <summary>Categories (seeded, edited at <c>/admin/categories</c>) and tags: on the listing form, the listing page, the cards and <c>/</c>.</summary>
public sealed class CategoriesAndTagsTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Home_SeededCategories_ListedLinkingToTheirListings()
    {
        using var visitor = app.Visitor();

        var html = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync("/"));

        html.Should().Contain("href=\"/search?category=music\">Music & audio</a>").And.Contain("href=\"/search?category=software\">Software & code</a>");
    }

    [Fact]
    public async Task ListingPage_CategoryAndTagsTyped_ShownNormalizedWithLinks()
    {
        using var shop = await app.ShopAsync();
        var id = await app.AddListingAsync(shop, "Space poster", category: "art", tags: " Sci Fi, #Poster, poster ");
        using var visitor = app.Visitor();

        var html = WebUtility.HtmlDecode(await visitor.Client.GetStringAsync($"/c/{shop.Slug}/{id}"));

        html.Should().Contain("href=\"/search?category=art\">Art & illustration</a>")
            .And.Contain("href=\"/search?q=sci-fi\">#sci-fi</a>").And.Contain("href=\"/search?q=poster\">#poster</a>");
        ResultIds(await visitor.Client.GetStringAsync($"/search?q=sci+fi&category=art")).Should().Contain(id);
    }

    [Fact]
    public async Task CreateListing_SixTags_SameFormWithTheMessageAndNothingStored()
    {
        using var shop = await app.ShopAsync();
        var title = UniqueWord("Title");

        var response = await shop.Creator.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = title, ["Price"] = "12.00", ["Currency"] = "eur", ["Tags"] = "a, b, c, d, e, f",
        }, "/creator/listings");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("A listing has at most 5 tags.").And.Contain("value=\"a, b, c, d, e, f\"");
        (await app.WithDbAsync(db => Task.FromResult(db.Listings.Any(l => l.Title == title)))).Should().BeFalse();
    }

    [Fact]
    public async Task AdminCategories_AddThenBadAddress_NewOneOfferedOnTheListingFormAndTheBadOneRefusedWithItsMessage()
    {
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var slug = UniqueWord("zines");

        var added = await admin.SubmitFormAsync("/admin/categories", new Dictionary<string, string>
        {
            ["NameEn"] = "Zines " + slug, ["NameFr"] = "Fanzines " + slug, ["Slug"] = slug, ["Position"] = "95",
        }, "/admin/categories");
        var refused = await admin.SubmitFormAsync("/admin/categories", new Dictionary<string, string>
        {
            ["NameEn"] = "Bad", ["NameFr"] = "Mauvaise", ["Slug"] = "Bad Address!", ["Position"] = "1",
        }, "/admin/categories");

        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).Should().Contain("The category's address is 1 to 40 lower-case letters, digits and dashes.")
            .And.Contain("value=\"Bad Address!\"");
        using var shop = await app.ShopAsync();
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/listings/new")).Should().Contain(">Zines " + slug + "</option>");
    }
}
