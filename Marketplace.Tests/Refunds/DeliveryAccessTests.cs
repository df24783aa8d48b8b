using System.Net;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;

namespace Marketplace.Tests.Refunds;

/// <summary>The order page after refunds: a partial refund keeps the delivery, a full one revokes it and says why.</summary>
public sealed class DeliveryAccessTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task OrderPage_OneCentRefunded_StillShowsTheDelivery()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);

        await shop.CreatorRefundsAsync(order.Id, "0.01", Guid.NewGuid().ToString("N"));

        using var buyer = app.Visitor();
        var html = WebUtility.HtmlDecode(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}"));
        html.Should().Contain("poster-a2.pdf").And.NotContain("no longer available");
    }

    [Fact]
    public async Task OrderPage_RefundedInFull_DeliveryGoneAndTheReasonShown()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);

        await shop.CreatorRefundsAsync(order.Id, "", Guid.NewGuid().ToString("N"));

        using var buyer = app.Visitor();
        var html = WebUtility.HtmlDecode(await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}"));
        html.Should().Contain("This order was refunded: its content is no longer available.").And.NotContain("poster-a2.pdf");
    }
}
