using System.Net;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Stripe;

namespace Marketplace.Tests.Refunds;

/// <summary>Refunds from the creator's sales page and <c>/admin/orders</c>, and from the Stripe Dashboard, against the emulator.</summary>
public sealed class OrderRefundTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task CreatorRefund_TenOfTwentyFiveEur_PartiallyRefundedWithReversalTheFeeKeptAndNetDown()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);

        var html = await shop.CreatorRefundsAsync(order.Id, "10.00", Guid.NewGuid().ToString("N"));

        html.Should().Contain("Refunded €10.00 to the buyer").And.Contain("Partially refunded");
        SalesRow(html).Should().Contain("data-figure=\"gross\">€25.00<").And.Contain("data-figure=\"refunded\">€10.00<").And.Contain("data-figure=\"fee\">€2.50<").And.Contain("€12.50", "the net of 22.50 drops by the 10.00 refunded: the platform keeps its fee");
        var stored = await app.OrderAsync(order.Id);
        stored.Status.Should().Be(OrderStatus.PartiallyRefunded);
        (stored.RefundedMinor, stored.TransferReversedMinor, stored.ApplicationFeeRefundedMinor).Should().Be((1000, 1000, 0));
        var charge = await app.ChargeAsync(stored);
        charge.AmountRefunded.Should().Be(1000);
        charge.Transfer.AmountReversed.Should().Be(1000);
        charge.ApplicationFee.AmountRefunded.Should().Be(0, "refund_application_fee=false: the platform keeps its fee");
        var refund = charge.Refunds.Data.Should().ContainSingle().Subject;
        refund.Metadata[OrderMetadata.OrderId].Should().Be(order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        refund.Reason.Should().Be("requested_by_customer");
        await app.QuiesceAsync();
        (await app.OrderAsync(order.Id)).Status.Should().Be(OrderStatus.PartiallyRefunded, "the webhooks confirm what the answer said");
    }

    [Fact]
    public async Task CreatorRefund_WholeXafOrderLeftEmpty_RefundedTheFeeKept()
    {
        using var shop = await app.ShopAsync(price: "5000", currency: "xaf");
        var order = await app.PaidOrderAsync(shop);

        var html = await shop.CreatorRefundsAsync(order.Id, "", Guid.NewGuid().ToString("N"));

        html.Should().Contain("Refunded FCFA\u00A05,000 to the buyer");
        var stored = await app.OrderAsync(order.Id);
        stored.Status.Should().Be(OrderStatus.Refunded);
        (stored.RefundedMinor, stored.TransferReversedMinor, stored.ApplicationFeeRefundedMinor).Should().Be((5000, 5000, 0));
        var charge = await app.ChargeAsync(stored);
        (charge.AmountRefunded, charge.Refunded, charge.Transfer.AmountReversed, charge.ApplicationFee.AmountRefunded).Should().Be((5000L, true, 5000L, 0L));
        html.Should().NotContain($"data-testid=\"refund-{order.Id}\"", "nothing is left to refund");
    }

    [Fact]
    public async Task CreatorRefund_MoreThanWhatIsLeft_RefusedWithAMessageAndNoStripeRefund()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        await shop.CreatorRefundsAsync(order.Id, "20.00", Guid.NewGuid().ToString("N"));

        var html = await shop.CreatorRefundsAsync(order.Id, "5.01", Guid.NewGuid().ToString("N"));

        html.Should().Contain("€5.01 is more than what is left to refund (€5.00)");
        (await app.StripeRefundCountAsync(order)).Should().Be(1);
        (await app.OrderAsync(order.Id)).RefundedMinor.Should().Be(2000);
    }

    [Fact]
    public async Task CreatorRefund_SameFormSubmittedTwiceAtOnce_OneStripeRefund()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        var token = Guid.NewGuid().ToString("N");

        var pages = await Task.WhenAll(shop.CreatorRefundsAsync(order.Id, "3.00", token), shop.CreatorRefundsAsync(order.Id, "3.00", token));
        var again = await shop.CreatorRefundsAsync(order.Id, "3.00", token);

        (await app.StripeRefundCountAsync(order)).Should().Be(1);
        (await app.OrderAsync(order.Id)).RefundedMinor.Should().Be(300);
        // The two answers share one cookie jar, and TempData is a cookie: one page's redirect can read and delete the
        // message before the other's arrives, so which page shows which message (or none) is a race of the test client,
        // not of the app. What both pages must show is the single refund; the message is checked on the third submission.
        pages.Should().OnlyContain(p => p.Contains("Refunded €3.00 (your share €3.00"));
        again.Should().Contain("This refund was already made");
    }

    [Fact]
    public async Task CreatorRefund_UnpaidOrder_RefusedWithAMessage()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        (await visitor.BuyAsync(shop)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var order = (await app.OrdersOfAsync(shop.CreatorId)).Single();

        var html = await shop.CreatorRefundsAsync(order.Id, "1.00", Guid.NewGuid().ToString("N"));

        html.Should().Contain("This order is not paid: there is nothing to refund.");
        (await app.OrderAsync(order.Id)).Status.Should().Be(OrderStatus.Pending);
    }

    [Fact]
    public async Task CreatorRefund_AnotherCreatorsOrder_RefusedAndNothingRefunded()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        using var other = await app.ShopAsync();

        var html = await other.CreatorRefundsAsync(order.Id, "1.00", Guid.NewGuid().ToString("N"));

        html.Should().Contain("There is no such order.");
        (await app.StripeRefundCountAsync(order)).Should().Be(0);
    }

    [Fact]
    public async Task AdminRefund_AnyOrder_PartiallyRefunded()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var html = await RefundScenarios.RefundAsync(admin, "/admin/orders", $"/admin/orders/{order.Id}/refund", "2.50", Guid.NewGuid().ToString("N"), "duplicate");

        html.Should().Contain("Refunded €2.50 to the buyer").And.Contain("Partially refunded");
        (await app.OrderAsync(order.Id)).RefundedMinor.Should().Be(250);
        (await app.ChargeAsync(order)).Refunds.Data.Single().Reason.Should().Be("duplicate");
    }

    [Fact]
    public async Task ChargeRefunded_RefundMadeInTheDashboard_ReachesTheOrder()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);

        await app.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = order.StripePaymentIntentId, Amount = 500, ReverseTransfer = true, RefundApplicationFee = true });

        var stored = await app.EventuallyAsync(db => Task.FromResult(db.Orders.Single(o => o.Id == order.Id)), o => o.RefundedMinor == 500, because: "charge.refunded");
        stored.Status.Should().Be(OrderStatus.PartiallyRefunded);
        (stored.TransferReversedMinor, stored.ApplicationFeeRefundedMinor).Should().Be((500, 50));
    }

    [Fact]
    public async Task CreatorRefund_StripeFailsTheRefund_OrderShowsStripesReasonAndStaysPaid()
    {
        using var shop = await app.ShopAsync();
        var order = await app.PaidOrderAsync(shop);
        app.Emulator.FailNextRefund(app.ApiKey, "lost_or_stolen_card");

        var html = await shop.CreatorRefundsAsync(order.Id, "4.00", Guid.NewGuid().ToString("N"));

        html.Should().Contain("Stripe could not refund €4.00: the buyer's card was reported lost or stolen.")
            .And.Contain("The last refund failed: the buyer's card was reported lost or stolen").And.NotContain("lost_or_stolen_card", "the creator reads words, not Stripe's code");
        await app.QuiesceAsync();
        var stored = await app.OrderAsync(order.Id);
        (stored.Status, stored.RefundedMinor, stored.RefundFailureReason).Should().Be((OrderStatus.Paid, 0L, "lost_or_stolen_card"));
        using var admin = app.NewBrowser();
        await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);
        WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin/orders")).Should().Contain("The last refund failed: the buyer's card was reported lost or stolen <code>lost_or_stolen_card</code>", "admins search Stripe by code");
    }

    private static string SalesRow(string html) => RefundScenarios.TotalsRow(html, "all-eur");
}
