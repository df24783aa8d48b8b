using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;

namespace Marketplace.Tests.Storefront;

/// <summary>The home page's listings on sale: new and popular, only of shops that can take payments.</summary>
public sealed class HomeCatalogueTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Home_NewListingOfAShopThatTakesPayments_ListedWithShopPriceAndLink()
    {
        using var visitor = app.Visitor();
        (await visitor.Client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK); // cached before the listing exists
        var title = "Print " + Guid.NewGuid().ToString("N")[..6];
        using var shop = await app.ShopAsync(title: title, price: "31.00");

        var section = Section(await visitor.Client.GetStringAsync("/"), "new-listings");

        section.Should().Contain($"<a href=\"/c/{shop.Slug}/{shop.ListingId}\">{title}</a>").And.Contain("Poster Shop").And.Contain("€31.00");
    }

    [Fact]
    public async Task Home_ShopThatCannotTakePayments_NotListed()
    {
        using var creator = app.Visitor();
        (await creator.RegisterCreatorAsync($"c{Guid.NewGuid():N}@example.com", "No Stripe Yet")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var title = "Unpayable " + Guid.NewGuid().ToString("N")[..6];
        (await creator.CreateListingAsync(title)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var visitor = app.Visitor();
        var html = await visitor.Client.GetStringAsync("/");

        html.Should().NotContain(title);
    }

    [Fact]
    public async Task Home_ListingPaidInTheLast30Days_ListedAsPopular()
    {
        var title = "Bestseller " + Guid.NewGuid().ToString("N")[..6];
        using var shop = await app.ShopAsync(title: title);
        using var visitor = app.Visitor();
        Section(await visitor.Client.GetStringAsync("/"), "popular-listings").Should().NotContain(title);

        await app.PaidOrderAsync(shop);

        Section(await visitor.Client.GetStringAsync("/"), "popular-listings").Should().Contain(title);
    }

    private static string Section(string html, string id)
    {
        html = WebUtility.HtmlDecode(html);
        var start = html.IndexOf($"data-testid=\"{id}\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
