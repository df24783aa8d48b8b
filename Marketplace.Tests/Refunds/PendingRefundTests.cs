using System.Net;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Refunds;

/// <summary>
/// A refund the platform's available balance does not cover (a dispute drained it) is <c>pending</c> at Stripe
/// (<c>pending_reason: insufficient_funds</c>): the creator is told it is on its way, the creator's sales, the buyer's order
/// page and the admin's orders say "Refund pending", and it completes (the transfer
/// reversed) once the platform's funds become available.
/// </summary>
public sealed class PendingRefundTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task CreatorRefund_PlatformShort_PendingThenReversedOnceFundsArrive()
    {
        using var shop = await app.ShopAsync();
        var disputed = await app.PaidOrderAsync(shop, "4000000000000259");
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == disputed.Id), o => o.DisputeTransferReversalId is not null,
            because: "the dispute took 25.00 and its fee from the platform");
        var order = await app.PaidOrderAsync(shop);

        var page = await shop.CreatorRefundsAsync(order.Id, "", Guid.NewGuid().ToString("N"));

        page.Should().Contain("The refund of €25.00 is on its way to the buyer: Stripe is still processing it.");
        var refund = (await app.ChargeAsync(order)).Refunds.Data.Should().ContainSingle().Subject;
        (refund.Status, refund.PendingReason).Should().Be(("pending", "insufficient_funds"));
        (await app.OrderAsync(order.Id)).TransferReversedMinor.Should().Be(0, "nothing is reversed while the refund waits");
        page.Should().Contain("data-testid=\"refund-pending\"").And.Contain("Refund pending");
        using var buyer = app.Visitor();
        (await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Should().Contain("data-testid=\"refund-pending\"").And.Contain("Refund pending");
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.Client.GetStringAsync("/admin/orders")).Should().Contain("data-testid=\"refund-pending\"");

        await app.PaidOrderAsync(shop with { ListingId = await app.StoreListingAsync(shop.CreatorId, "Print A0", 50000, "eur") });
        app.Emulator.MakeBalanceAvailable(app.ApiKey, null);

        var done = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.TransferReversedMinor == 2500,
            because: "refund.updated: succeeded once the platform had funds");
        (done.Status, done.RefundedMinor).Should().Be((OrderStatus.Refunded, 2500L));
        (await app.Stripe.V1.Refunds.GetAsync(refund.Id)).Status.Should().Be("succeeded");
        (await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().NotContain("data-testid=\"refund-pending\"");
        (await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}")).Should().NotContain("data-testid=\"refund-pending\"");
    }
}
