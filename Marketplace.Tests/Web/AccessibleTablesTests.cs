using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;

namespace Marketplace.Tests.Web;

/// <summary>
/// Tables as a screen-reader or phone user meets them: each in a focusable, named box that scrolls sideways by itself
/// (<c>ScrollingTableTagHelper</c>), and a column of buttons with a name read aloud but not shown (<c>_ActionsHeader</c>).
/// The browser audit (system tests) checks the same with axe-core and a 390 px window.
/// </summary>
public sealed class AccessibleTablesTests(LiveMarketplaceFactory app) : IClassFixture<LiveMarketplaceFactory>
{
    [Fact]
    public async Task Listings_CreatorWithAListing_TableInAFocusableNamedScrollBoxWithANamedButtonColumn()
    {
        using var shop = await app.ShopAsync(title: "Carnet A5");

        var page = await shop.Creator.Client.GetStringAsync("/creator/listings");

        page.Should().Contain("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table (scrolls sideways on a small screen)\"><table");
        page.Should().Contain("</table></div>");
        page.Should().Contain("<th scope=\"col\"><span class=\"visually-hidden\">Actions</span>");
        page.Should().Contain("Carnet A5");
    }

    [Fact]
    public async Task Listings_InFrench_ScrollBoxNamedInFrench()
    {
        using var shop = await app.ShopAsync(title: "Carnet A5");
        await shop.Creator.SubmitFormAsync("/creator/listings", new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/creator/listings" }, "/culture");

        var page = await shop.Creator.Client.GetStringAsync("/creator/listings");

        page.Should().Contain("aria-label=\"Tableau (défile horizontalement sur un petit écran)\"");
        page.Should().Contain("<span class=\"visually-hidden\">Actions</span>");
    }
}
