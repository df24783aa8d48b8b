using System.Net;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Orders;

/// <summary>The live app with the emulator's webhook delivery off: a session's end reaches the app only by the sweep.</summary>
public sealed class SilentOrdersFactory() : LiveMarketplaceFactory(false, new Dictionary<string, string?> { ["Orders:AnonymousBuyPermitPerMinute"] = "10000" });

/// <summary>
/// <see cref="PendingOrderSweepJob"/>: Pending orders whose session's <c>expires_at</c> passed and whose
/// <c>checkout.session.*</c> event never came are settled from Stripe; abandoned checkouts leave <c>/creator/sales</c> by default.
/// </summary>
public sealed class PendingOrderSweepTests(SilentOrdersFactory app) : IClassFixture<SilentOrdersFactory>
{
    [Fact]
    public async Task Sweep_SessionExpiredWithoutItsEvent_OrderExpiredAndHiddenFromSalesByDefault()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        await visitor.BuyAsync(shop);
        var pending = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        await app.Stripe.V1.Checkout.Sessions.ExpireAsync(pending.StripeCheckoutSessionId);
        await ExpiresLongAgoAsync(pending.Id);

        var changed = await app.WithServiceAsync<PendingOrderSweepJob, int>(job => job.RunAsync(CancellationToken.None));

        changed.Should().BeGreaterThanOrEqualTo(1);
        (await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == pending.Id))).Status.Should().Be(OrderStatus.Expired);
        (await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().NotContain($"data-order-id=\"{pending.Id}\"");
        (await shop.Creator.Client.GetStringAsync("/creator/sales?abandoned=true")).Should().Contain($"data-order-id=\"{pending.Id}\"");
    }

    [Fact]
    public async Task Sweep_SessionPaidWithoutItsEventNorTheSuccessPage_OrderPaidWithItsDelivery()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        await OrderScenarios.PayAsync((await visitor.BuyAsync(shop)).Headers.Location!);
        var pending = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        pending.Status.Should().Be(OrderStatus.Pending, "no webhook and no success page");
        await ExpiresLongAgoAsync(pending.Id);

        await app.WithServiceAsync<PendingOrderSweepJob, int>(job => job.RunAsync(CancellationToken.None));

        var paid = await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == pending.Id));
        (paid.Status, paid.StripeChargeId is not null).Should().Be((OrderStatus.Paid, true));
        WebUtility.HtmlDecode(await visitor.Client.GetStringAsync($"/orders/{pending.PublicToken}")).Should().Contain("poster-a2.pdf");
    }

    [Fact]
    public async Task SalesPage_PendingPastItsExpiry_HiddenUntilTheFilterAsksForIt()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        await visitor.BuyAsync(shop);
        var pending = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        (await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().Contain($"data-order-id=\"{pending.Id}\"", "its checkout is still open");

        await ExpiresLongAgoAsync(pending.Id);

        (await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().NotContain($"data-order-id=\"{pending.Id}\"");
        (await shop.Creator.Client.GetStringAsync("/creator/sales?abandoned=true")).Should().Contain($"data-order-id=\"{pending.Id}\"");
    }

    /// <summary>Moves the order's recorded <c>expires_at</c> an hour back, as if its session's time had run out.</summary>
    private Task ExpiresLongAgoAsync(int orderId) => app.WithDbAsync(db => db.Orders.Where(o => o.Id == orderId)
        .ExecuteUpdateAsync(s => s.SetProperty(o => o.CheckoutExpiresAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1))));
}
