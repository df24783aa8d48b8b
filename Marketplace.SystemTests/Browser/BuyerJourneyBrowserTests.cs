using System.Text.RegularExpressions;
using Marketplace.Core.Orders;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// Issue 14's "done when", in a real Chromium against the live app: a creator on Silver (10 %) lists "Poster A2" at
/// 25.00 EUR with a delivery note; a visitor without an account buys it on the emulator's Checkout with 4242; the order
/// page says Paid and shows the note; the creator's sales show 25.00 / 2.50 / 22.50 EUR; the admin dashboard shows this
/// month's GMV and fees; and the emulator holds the destination charge (fee 250, transfer 2,500 to the creator).
/// </summary>
[Trait("Category", "Browser")]
public sealed class BuyerJourneyBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    private const string Note = "Download your poster: https://files.example/poster-a2.pdf";

    [Fact]
    public async Task Journey_VisitorBuysPosterA2With4242_OrderPaidSalesAndAdminShowTheCommission()
    {
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        await creator.RegisterAsync("Poster Studio");
        await creator.OnboardAsync(complete: true);
        await creator.ChooseSilverMonthlyAsync();
        await creator.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-silver");
        await creator.ExpectSubscriptionAsync("Silver", "Active");
        await creator.CreateListingAsync("Poster A2", "25.00", "eur", "Giclée print, 42 × 59.4 cm.", Note, screenshot: "new-listing");
        var slug = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == creator.Email)).Select(c => c.Slug).SingleAsync());

        await using var visitor = await BrowserJourney.StartAsync(app, chromium, nameof(Journey_VisitorBuysPosterA2With4242_OrderPaidSalesAndAdminShowTheCommission) + "-visitor");
        await visitor.GotoAsync($"/c/{slug}");
        var card = visitor.Page.Locator(".card", new() { HasText = "Poster A2" });
        await Expect(card.GetByTestId("price")).ToHaveTextAsync("€25.00");
        await visitor.ScreenshotAsync("storefront");
        await card.GetByTestId("buy").ClickAsync();
        await visitor.ExpectOnCheckoutAsync();
        await visitor.Page.GetByLabel("Email").FillAsync("visitor@example.com");
        await visitor.Page.GetByLabel("Card number").FillAsync(BrowserJourney.GoodCard);
        await visitor.ScreenshotAsync("checkout-4242");
        await visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();

        await Expect(visitor.Page).ToHaveURLAsync(new Regex("/orders/[A-Za-z0-9_-]{22}$"));
        await Expect(visitor.Page.GetByTestId("order-status")).ToHaveTextAsync("Paid");
        await Expect(visitor.Page.GetByTestId("delivery-note")).ToHaveTextAsync(Note);
        await Expect(visitor.Page.GetByTestId("order-amount")).ToHaveTextAsync("€25.00");
        await Expect(visitor.Page.GetByTestId("receipt")).ToBeVisibleAsync();
        await visitor.ScreenshotAsync("order-paid");

        await creator.GotoAsync("/creator/sales");
        var row = creator.Page.Locator("tr[data-order-id]", new() { HasText = "Poster A2" });
        await Expect(row.Locator("[data-figure='gross']")).ToHaveTextAsync("€25.00");
        await Expect(row.Locator("[data-figure='fee']")).ToContainTextAsync("€2.50");
        await Expect(row.Locator("[data-figure='net']")).ToHaveTextAsync("€22.50");
        await Expect(creator.Page.Locator("[data-total='this-eur'] [data-figure='net']")).ToHaveTextAsync("€22.50");
        await creator.ScreenshotAsync("creator-sales");

        await using var admin = await BrowserJourney.StartAsync(app, chromium, nameof(Journey_VisitorBuysPosterA2With4242_OrderPaidSalesAndAdminShowTheCommission) + "-admin");
        await admin.SignInAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);
        await admin.GotoAsync("/admin");
        await Expect(admin.Page.Locator("[data-figure='gmv-this-eur']")).ToHaveTextAsync("€25.00");
        await Expect(admin.Page.Locator("[data-figure='fees-this-eur']")).ToHaveTextAsync("€2.50");
        await admin.ScreenshotAsync("admin-dashboard-gmv");

        var order = await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.ListingTitle == "Poster A2"));
        order.Status.Should().Be(OrderStatus.Paid);
        var charge = await app.Stripe.V1.Charges.GetAsync(order.StripeChargeId);
        charge.ApplicationFeeAmount.Should().Be(250);
        var transfer = await app.Stripe.V1.Transfers.GetAsync(charge.TransferId);
        (transfer.Id, transfer.Amount, transfer.Currency).Should().Be((order.StripeTransferId!, 2500L, "eur"));
        transfer.DestinationId.Should().Be(await app.WithDbAsync(db => db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == order.CreatorProfileId).Select(a => a.StripeAccountId).SingleAsync()));
        creator.OutsideRequests.Should().BeEmpty();
        visitor.OutsideRequests.Should().BeEmpty();
        admin.OutsideRequests.Should().BeEmpty();
    }
}
