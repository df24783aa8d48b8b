using System.Net;
using Marketplace.Core.Orders;
using Marketplace.Core.Payouts;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Payouts;

/// <summary>Money reaching a creator's Connect account and leaving it for their bank, the way Stripe does it on the emulator.</summary>
public static class PayoutScenarios
{
    /// <summary>A visitor buys the shop's listing and pays on the emulator's Checkout; the order is Paid.</summary>
    public static async Task PaidOrderAsync(this LiveMarketplaceFactory app, Shop shop)
    {
        using var visitor = app.Visitor();
        var back = await OrderScenarios.PayAsync((await visitor.BuyAsync(shop)).Headers.Location!);
        (await visitor.Client.GetAsync(back)).StatusCode.Should().Be(HttpStatusCode.SeeOther);
        (await app.WithDbAsync(db => db.Orders.CountAsync(o => o.CreatorProfileId == shop.CreatorId && o.Status == OrderStatus.Paid))).Should().BePositive();
    }

    /// <summary>
    /// A paid order whose money is then made available on the creator's account (<c>MakeBalanceAvailable</c>), so that it
    /// can be paid out.
    /// </summary>
    public static async Task FundedAsync(this LiveMarketplaceFactory app, Shop shop)
    {
        await app.PaidOrderAsync(shop);
        app.Emulator.MakeBalanceAvailable(app.ApiKey, shop.AccountId);
    }

    /// <summary>
    /// Pays out <paramref name="amountMinor"/> EUR of the account on the emulator (failing with <paramref name="failureCode"/>
    /// when given) and waits until the Connect webhook has recorded the payout in <paramref name="expected"/>.
    /// </summary>
    public static async Task<Payout> PayOutAsync(this LiveMarketplaceFactory app, Shop shop, long amountMinor, PayoutStatus expected, string? failureCode = null)
    {
        var id = app.Emulator.PayOut(app.ApiKey, shop.AccountId, amountMinor, "eur", failureCode);
        return await app.EventuallyAsync(db => db.Payouts.AsNoTracking().SingleOrDefaultAsync(p => p.StripePayoutId == id),
            p => p?.Status == expected, because: $"payout {id} recorded as {expected}") ?? throw new InvalidOperationException();
    }
}
