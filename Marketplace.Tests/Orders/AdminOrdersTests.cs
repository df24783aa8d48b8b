using System.Net;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;

namespace Marketplace.Tests.Orders;

/// <summary>The platform's view of buyers' orders: <c>/admin/orders</c> and the dashboard's GMV and fees, after real payments.</summary>
public sealed class AdminOrdersTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task AdminOrdersAndDashboard_OnePaidOneExpired_FilteredListLinksAndThisMonthsGmvAndFees()
    {
        using var shop = await app.ShopAsync();
        using var buyer = app.Visitor();
        var back = await OrderScenarios.PayAsync((await buyer.BuyAsync(shop)).Headers.Location!);
        (await buyer.Client.GetAsync(back)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        using var leaver = app.Visitor();
        await leaver.BuyAsync(shop);
        var orders = await app.OrdersOfAsync(shop.CreatorId);
        var paid = orders.Single(o => o.Status == OrderStatus.Paid);
        var open = orders.Single(o => o.Status == OrderStatus.Pending);
        await app.Stripe.V1.Checkout.Sessions.ExpireAsync(open.StripeCheckoutSessionId);
        await app.EventuallyAsync(db => Task.FromResult(db.Orders.Single(o => o.Id == open.Id).Status), s => s == OrderStatus.Expired, because: "expired by webhook");
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var sales = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin/orders"));
        var all = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin/orders?abandoned=true"));
        var paidOnly = await admin.Client.GetStringAsync("/admin/orders?status=paid&creator=poster");
        var expiredOnly = await admin.Client.GetStringAsync("/admin/orders?status=expired");
        var today_ = await admin.Client.GetStringAsync($"/admin/orders?from={today}&to={today}");
        var yesterday = await admin.Client.GetStringAsync($"/admin/orders?to={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}");
        var otherCreator = await admin.Client.GetStringAsync("/admin/orders?creator=nobody-sells-this");
        var badFilter = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin/orders?status=shipped&from=yesterday"));

        all.Should().Contain($"https://dashboard.stripe.com/test/payments/{paid.StripePaymentIntentId}").And.Contain("Poster A2").And.Contain("buyer@example.com");
        all.Should().Contain($"https://dashboard.stripe.com/test/checkout/sessions/{open.StripeCheckoutSessionId}");
        sales.Should().Contain($"data-order-id=\"{paid.Id}\"").And.NotContain($"data-order-id=\"{open.Id}\"", "an abandoned checkout is no sale: hidden by default");
        paidOnly.Should().Contain($"data-order-id=\"{paid.Id}\"").And.NotContain($"data-order-id=\"{open.Id}\"");
        expiredOnly.Should().Contain($"data-order-id=\"{open.Id}\"").And.NotContain($"data-order-id=\"{paid.Id}\"");
        today_.Should().Contain($"data-order-id=\"{paid.Id}\"");
        yesterday.Should().NotContain($"data-order-id=\"{paid.Id}\"");
        otherCreator.Should().Contain("No order matches.");
        badFilter.Should().Contain("“shipped” is not an order status").And.Contain("“yesterday” is not a date");

        var dashboard = await admin.Client.GetStringAsync("/admin");
        dashboard.Should().Contain("data-figure=\"gmv-this-eur\">€25.00<").And.Contain("data-figure=\"fees-this-eur\">€2.50<");
        var month = DateTime.UtcNow.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        dashboard.Should().Contain($"data-series=\"gmv\" data-month=\"{month}\" data-amount=\"2500\"")
            .And.Contain($"data-series=\"fees\" data-month=\"{month}\" data-amount=\"250\"");
        dashboard.Should().Contain($"<th scope=\"row\" class=\"fw-normal\">{month}</th><td class=\"text-end\">€0.00</td><td class=\"text-end\">€25.00</td><td class=\"text-end\">€2.50</td>");
    }
}
