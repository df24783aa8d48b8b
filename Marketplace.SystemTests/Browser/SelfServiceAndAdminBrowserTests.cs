using System.Text.RegularExpressions;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Marketplace.Core.Amounts;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// The rest of the journey in a real Chromium: a creator meets the Free plan's listing limit (the 402 page), subscribes,
/// cancels, resumes, switches Silver → Gold after the confirm page, opens Stripe's billing portal; then an admin finds
/// the subscription and this month's revenue on the admin pages. Loopback only, screenshots under
/// <c>bin/…/screenshots/{test name}/</c>.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SelfServiceAndAdminBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Journey_ListingsToTheLimitThenSubscribeCancelResumeSwitchToGoldAndPortal_AdminSeesItAll()
    {
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        var shop = $"Journey shop {Guid.NewGuid().ToString("N")[..8]}";
        await creator.RegisterAsync(shop);

        // Free allows 3 listings: three are created, the fourth meets the 402 page and nothing is stored.
        for (var i = 1; i <= 3; i++) await CreateListingAsync(creator, $"Print #{i}", "12.50");
        await Expect(creator.Page.GetByTestId("listings-usage")).ToContainTextAsync("3");
        await creator.ScreenshotAsync("three-listings");
        var response = await CreateListingAsync(creator, "Print #4", "12.50");
        response!.Status.Should().Be(402);
        await Expect(creator.Page.GetByTestId("limit-reached")).ToContainTextAsync("allows 3 listings");
        await creator.ScreenshotAsync("listing-limit-402");
        (await ListingCountAsync(creator.Email)).Should().Be(3);

        await creator.OnboardAsync(complete: true);
        await creator.ChooseSilverMonthlyAsync();
        await creator.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-4242");
        await creator.ExpectSubscriptionAsync("Silver", "Active");

        await creator.Page.GetByTestId("cancel").ClickAsync();
        await Expect(creator.Page.GetByTestId("status")).ToContainTextAsync("Cancels on");
        await creator.ScreenshotAsync("cancelled-at-period-end");
        await creator.Page.GetByTestId("resume").ClickAsync();
        await Expect(creator.Page.GetByTestId("status")).ToHaveTextAsync("Active");
        await creator.ScreenshotAsync("resumed");

        await creator.GotoAsync("/creator/subscription/upgrade");
        await creator.Page.GetByTestId("change-GOLD-month").ClickAsync();
        await Expect(creator.Page.GetByTestId("new-price")).ToContainTextAsync("Gold");
        await Expect(creator.Page.GetByTestId("applies")).ToHaveTextAsync("now");
        await creator.ScreenshotAsync("confirm-gold");
        await creator.Page.GetByTestId("confirm").ClickAsync();
        await creator.ExpectSubscriptionAsync("Gold", "Active");
        await Expect(creator.Page.GetByTestId("payments")).ToContainTextAsync("€19.00");
        await creator.ScreenshotAsync("gold-with-payments");

        await creator.Page.GetByTestId("portal").ClickAsync();
        await Expect(creator.Page).ToHaveURLAsync(new Regex("/p/session/bps_"));
        creator.Page.Url.Should().StartWith(app.Emulator.BaseUrl.ToString().TrimEnd('/'), "the portal is Stripe's (the emulator's) page");
        await creator.ScreenshotAsync("billing-portal");

        await using var admin = await BrowserJourney.StartAsync(app, chromium, nameof(Journey_ListingsToTheLimitThenSubscribeCancelResumeSwitchToGoldAndPortal_AdminSeesItAll) + "-admin");
        await admin.SignInAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword);
        await admin.GotoAsync("/admin/subscriptions");
        var row = admin.Page.Locator("tr", new() { HasText = shop });
        await Expect(row).ToContainTextAsync("Gold");
        await Expect(row).ToContainTextAsync("active");
        await admin.ScreenshotAsync("admin-subscriptions");

        // Both invoices (Silver, then the prorated upgrade) reach the ledger through invoice.paid before the figure is read.
        await app.EventuallyAsync(db => db.Payments.CountAsync(p => p.Status == PaymentStatus.Paid), count => count == 2,
            because: "the Silver invoice and the prorated Gold invoice are paid");
        await admin.GotoAsync("/admin");
        var expected = await PaidThisMonthAsync("eur");
        expected.Should().BeGreaterThan(1900, "the Silver invoice and the prorated Gold invoice were paid this month");
        await Expect(admin.Page.Locator("[data-figure='revenue-this-eur']")).ToHaveTextAsync(Money.Format(expected, "eur"));
        await Expect(admin.Page.Locator("svg").First).ToBeVisibleAsync();
        await admin.ScreenshotAsync("admin-dashboard-revenue");

        creator.OutsideRequests.Should().BeEmpty();
        admin.OutsideRequests.Should().BeEmpty();
    }

    /// <summary>Fills the new-listing form and submits it; returns the answer to the POST.</summary>
    private static async Task<IResponse?> CreateListingAsync(BrowserJourney journey, string title, string price)
    {
        await journey.GotoAsync("/creator/listings/new");
        await journey.Page.Locator("#Title").FillAsync(title);
        await journey.Page.Locator("#Price").FillAsync(price);
        await journey.Page.Locator("#Currency").SelectOptionAsync("eur");
        return await journey.Page.RunAndWaitForResponseAsync(
            () => journey.Page.GetByRole(AriaRole.Button, new() { Name = "Create listing" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/creator/listings", StringComparison.Ordinal));
    }

    private async Task<int> ListingCountAsync(string email) =>
        await app.WithDbAsync(db => db.Listings.CountAsync(l => db.CreatorProfiles.Any(c => c.Id == l.CreatorProfileId
            && db.Users.Any(u => u.Id == c.UserId && u.Email == email))));

    private async Task<long> PaidThisMonthAsync(string currency)
    {
        var now = DateTime.UtcNow;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return await app.WithDbAsync(async db => (await db.Payments
                .Where(p => p.Status == PaymentStatus.Paid && p.Currency == currency && p.PaidAt >= monthStart)
                .Select(p => p.AmountMinor).ToListAsync()).Sum());
    }
}
