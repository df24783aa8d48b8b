using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;

namespace Marketplace.Tests.Refunds;

/// <summary>
/// The refund form's amount, read by the one amount parser in the page's culture: a French <c>10,50</c> refunds 1050
/// cents; an amount too large, negative, zero, not a number or with too many decimals is a message on the page and
/// nothing reaches Stripe. The form says what the buyer gets back and what the creator's balance loses.
/// </summary>
public sealed class RefundAmountTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task CreatorRefund_FrenchCommaAmount_RefundsTenFifty()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        shop.Creator.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR");

        var html = await shop.CreatorRefundsAsync(order.Id, "10,50", Guid.NewGuid().ToString("N"));

        html.Should().Contain("10,50\u00A0€ remboursé à l’acheteur.");
        var stored = await app.OrderAsync(order.Id);
        (stored.Status, stored.RefundedMinor).Should().Be((OrderStatus.PartiallyRefunded, 1050L));
        (await app.ChargeAsync(stored)).AmountRefunded.Should().Be(1050);
    }

    [Theory]
    [InlineData("92233720368547758.08", "Stripe's maximum charge amount")]
    [InlineData("99999999999999999999999", "Stripe's maximum charge amount")]
    [InlineData("-5", "Enter digits with “.” for the decimals")]
    [InlineData("0", "The amount must be more than zero.")]
    [InlineData("0.00", "The amount must be more than zero.")]
    [InlineData("NaN", "Enter digits with “.” for the decimals")]
    [InlineData("1e3", "Enter digits with “.” for the decimals")]
    [InlineData("10.505", "EUR has at most 2 decimals.")]
    public async Task CreatorRefund_BadAmount_MessageOnThePageAndNoStripeCall(string amount, string message)
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        var since = TimeProvider.System.GetUtcNow();

        var html = await shop.CreatorRefundsAsync(order.Id, amount, Guid.NewGuid().ToString("N"));

        html.Should().Contain(message);
        app.RequestsSince(since).Should().NotContain(r => r.Path.StartsWith("/v1/refunds", StringComparison.Ordinal));
        (await app.OrderAsync(order.Id)).Status.Should().Be(OrderStatus.Paid);
    }

    [Fact]
    public async Task AdminRefund_TooLargeAmount_MessageOnThePageAndNoStripeCall()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        using var admin = app.NewBrowser();
        await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);
        var since = TimeProvider.System.GetUtcNow();

        var html = await RefundScenarios.RefundAsync(admin, "/admin/orders", $"/admin/orders/{order.Id}/refund", "92233720368547758.08", Guid.NewGuid().ToString("N"));

        html.Should().Contain("Stripe's maximum charge amount");
        app.RequestsSince(since).Should().NotContain(r => r.Path.StartsWith("/v1/refunds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SalesPage_PaidOrder_RefundFormSaysWhatTheBuyerGetsAndTheBalanceLoses()
    {
        using var shop = await app.ShopAsync();
        await app.PaidOrderAsync(shop);

        var html = System.Net.WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));

        html.Should().Contain("the buyer gets back €25.00; the creator's balance loses €25.00. The platform keeps its fee of €2.50");
    }
}
