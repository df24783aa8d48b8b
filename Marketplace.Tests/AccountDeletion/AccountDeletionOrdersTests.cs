using System.Net;
using Marketplace.Core.Creators;
using Marketplace.Core.Orders;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.AccountDeletion;

/// <summary>
/// Issue 16, item 1, with buyers' orders: a creator's sales stay as bookkeeping records (and the listing they name),
/// a deletion waits while a buyer is paying, and a buyer's own deletion removes their email from their orders.
/// </summary>
public sealed class AccountDeletionOrdersTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    private const string Page = "/Identity/Account/Manage/DeletePersonalData";

    [Fact]
    public async Task DeletePersonalData_CreatorWithAPaidOrderAndNothingHeld_OrderAndItsListingKeptAsBookkeeping()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        await visitor.Client.GetAsync(await OrderScenarios.PayAsync((await visitor.BuyAsync(shop)).Headers.Location!));
        await app.EventuallyAsync(db => db.Orders.CountAsync(o => o.CreatorProfileId == shop.CreatorId && o.Status == OrderStatus.Paid), n => n == 1);
        app.Emulator.MakeBalanceAvailable(app.ApiKey, shop.AccountId);
        app.Emulator.PayOut(app.ApiKey, shop.AccountId); // the creator's 22.50 EUR reaches their bank: nothing is held any more

        var response = await shop.Creator.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = "Creator#12345" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var order = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        (order.Status, order.AmountMinor, order.ApplicationFeeMinor, order.ListingTitle).Should().Be((OrderStatus.Paid, 2500L, 250L, "Poster A2"));
        var listing = await app.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == shop.ListingId));
        (listing.IsActive, listing.Description, listing.DeliveryNote).Should().Be((false, (string?)null, (string?)null));
        (await app.WithDbAsync(db => db.CreatorProfiles.AsNoTracking().SingleAsync(c => c.Id == shop.CreatorId))).Status.Should().Be(CreatorStatus.Deleted);
    }

    [Fact]
    public async Task DeletePersonalData_CreatorWhileABuyerIsOnCheckout_RefusedWithAMessageAndNothingChanged()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        (await visitor.BuyAsync(shop)).StatusCode.Should().Be(HttpStatusCode.SeeOther, "the buyer is on Stripe's Checkout page");

        var response = await shop.Creator.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = "Creator#12345" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("a buyer is paying for one of your listings right now");
        (await app.WithDbAsync(db => db.CreatorProfiles.AsNoTracking().SingleAsync(c => c.Id == shop.CreatorId))).Status.Should().Be(CreatorStatus.Active);
        (await app.WithDbAsync(db => db.Listings.AsNoTracking().SingleAsync(l => l.Id == shop.ListingId))).IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task DeletePersonalData_SignedInBuyer_TheirOrderKeptForTheCreatorWithoutTheirEmail()
    {
        using var shop = await app.ShopAsync();
        using var buyer = app.NewBrowser();
        var email = $"b{Guid.NewGuid():N}@example.com";
        await buyer.RegisterCreatorAsync(email, "A buyer");
        await buyer.Client.GetAsync(await OrderScenarios.PayAsync((await buyer.BuyAsync(shop)).Headers.Location!, email: email));
        var paid = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.CreatorProfileId == shop.CreatorId),
            o => o.Status == OrderStatus.Paid);
        (paid.BuyerEmail, paid.BuyerUserId).Should().NotBe(((string?)null, (string?)null));

        var response = await buyer.SubmitFormAsync(Page, new Dictionary<string, string> { ["Input.Password"] = "Creator#12345" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var order = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        (order.Status, order.AmountMinor, order.BuyerEmail, order.BuyerUserId).Should().Be((OrderStatus.Paid, 2500L, (string?)null, (string?)null));
    }
}
