using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Orders;

/// <summary>The app behind a public HTTPS address (<c>App:PublicBaseUrl</c>), where Stripe can fetch listing pictures.</summary>
public sealed class PublicHttpsOrdersFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Orders:AnonymousBuyPermitPerMinute"] = "10000",
    ["App:PublicBaseUrl"] = "https://market.example.com",
});

/// <summary>Stripe Checkout shows the listing: its cover and its description as plain text.</summary>
public sealed class CheckoutListingPicturesTests(PublicHttpsOrdersFactory app) : IClassFixture<PublicHttpsOrdersFactory>
{
    [Fact]
    public async Task Buy_ListingWithCoverBehindHttps_CheckoutGetsCoverUrlAndPlainDescription()
    {
        using var shop = await app.ShopAsync();
        var edited = await shop.Creator.PostListingFormAsync($"/creator/listings/{shop.ListingId}/edit", $"/creator/listings/{shop.ListingId}",
            new Dictionary<string, string>
            {
                ["Title"] = "Poster A2", ["Price"] = "25.00", ["Currency"] = "eur", ["CoverAlt"] = "The poster",
                ["Description"] = "## Printed on **heavy** paper\n\n- signed",
            }, ("Cover", "cover.png", ListingImageScenarios.Png(), "image/png"));
        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cardKey = await app.WithDbAsync(db => db.ListingImages.Where(i => i.ListingId == shop.ListingId).Select(i => i.CardKey).SingleAsync());
        using var visitor = app.Visitor();
        var since = TimeProvider.System.GetUtcNow();

        var response = await visitor.BuyAsync(shop);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var create = app.RequestsSince(since).Single(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions");
        create.Param("line_items[0][price_data][product_data][images][0]").Should().Be($"https://market.example.com/images/{cardKey}");
        create.Param("line_items[0][price_data][product_data][description]").Should().Be("Printed on heavy paper signed");
        using var stripePage = new HttpClient();
        var checkoutPage = await stripePage.GetStringAsync(response.Headers.Location);
        checkoutPage.Should().Contain($"<img src=\"https://market.example.com/images/{cardKey}\"").And.Contain("Printed on heavy paper signed");
    }
}
