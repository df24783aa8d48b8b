using System.Text.RegularExpressions;
using Marketplace.Core.Payouts;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// Issue 15's payout step, in a real Chromium against the live app: a creator's sale is paid, the money becomes
/// available, Stripe fails the payout (<c>account_closed</c>) → every creator page shows the banner, and its Express
/// dashboard button opens the emulator's dashboard page listing the failed payout.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PayoutBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Journey_PayoutFails_BannerAndItsButtonOpensTheExpressDashboard()
    {
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        await creator.RegisterAsync("Payout Studio");
        await creator.OnboardAsync(complete: true);
        await creator.CreateListingAsync("Poster A1", "150.00", "eur");
        var shop = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == creator.Email))
            .Select(c => new { c.Slug, c.StripeAccount!.StripeAccountId }).SingleAsync());

        await using var visitor = await BrowserJourney.StartAsync(app, chromium, nameof(Journey_PayoutFails_BannerAndItsButtonOpensTheExpressDashboard) + "-visitor");
        await visitor.BuyAsync(shop.Slug, "Poster A1", "visitor@example.com", BrowserJourney.GoodCard);
        await Expect(visitor.Page.GetByTestId("order-status")).ToHaveTextAsync("Paid");

        app.Emulator.MakeBalanceAvailable(app.ApiKey, shop.StripeAccountId);
        var payoutId = app.Emulator.PayOut(app.ApiKey, shop.StripeAccountId, 12000, "eur", "account_closed");
        await app.EventuallyAsync(db => db.Payouts.AnyAsync(p => p.StripePayoutId == payoutId && p.Status == PayoutStatus.Failed), failed => failed,
            because: "payout.failed reached the Connect endpoint");

        await creator.GotoAsync("/creator/listings");
        var banner = creator.Page.GetByTestId("payout-failed-banner");
        await Expect(banner).ToContainTextAsync("Stripe could not pay out €120.00 to your bank. The bank account has been closed. Update your bank details.");
        await creator.ScreenshotAsync("payout-failed-banner");
        await creator.GotoAsync("/creator/sales");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(creator.Page.Locator($"tr[data-payout-id='{payoutId}'] [data-figure='status']")).ToContainTextAsync("Failed");
        await creator.ScreenshotAsync("sales-payouts");

        await banner.GetByTestId("express-dashboard").ClickAsync();

        await Expect(creator.Page).ToHaveURLAsync(new Regex("/express/[^/]+$"));
        await Expect(creator.Page.Locator("body")).ToContainTextAsync("The bank account has been closed.");
        await creator.ScreenshotAsync("express-dashboard");
        creator.OutsideRequests.Should().BeEmpty();
        visitor.OutsideRequests.Should().BeEmpty();
    }
}
