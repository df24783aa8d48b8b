using Marketplace.Core.Orders;
using Marketplace.Tests.Buyers;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser.Accessibility;

/// <summary>
/// Every page a person meets, audited in a real Chromium: signed out, as a creator, as a buyer and as an admin, in
/// English and in French, on a desktop window (1280×900) and on a phone (390×844). axe-core must find no serious or
/// critical violation; on the phone no page may scroll sideways and the footer may cover nothing. The pages are listed
/// in <see cref="SitePages"/> (what is left out, and why, is said there). One context per role and window; the
/// language is the culture cookie the footer's switch sets.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccessibilityBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task EveryPage_EachRoleAndLanguage_NoSeriousAxeViolationAndNothingOverflowsOnAPhone(string window)
    {
        var viewport = window == "phone" ? Phone : Desktop;
        var site = await SetUpAsync(window);
        var faults = new List<string>();
        // Each page's findings are also written as they come (a long run that is stopped still says what it found).
        var log = Path.Combine(BrowserJourney.ScreenshotFolder(nameof(AccessibilityBrowserTests)), $"audit-{window}.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        await File.WriteAllTextAsync(log, "");
        var audited = 0;
        {
            foreach (var role in SitePages.Roles)
            {
                await using var context = await LoopbackOnlyContext.OpenAsync(chromium.Browser, viewport: viewport, bypassCsp: true);
                await using var journey = BrowserJourney.StartOn(app, context, $"{nameof(AccessibilityBrowserTests)}-{role}-{window}");
                if (site.SignIn(role) is { } account) await journey.SignInAsync(account.Email, account.Password);
                foreach (var language in new[] { "en", "fr" })
                {
                    await context.Context.AddCookiesAsync([new Cookie
                    {
                        Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={language}|uic={language}"), Url = app.AppUrl.ToString(),
                    }]);
                    foreach (var page in SitePages.For(role, site))
                    {
                        var where = $"{role}/{window}/{language} {page.Path}";
                        var response = await journey.Page.GotoAsync(new Uri(app.AppUrl, page.Path).ToString());
                        if (response?.Status != page.Status) faults.Add($"{where}: answered {response?.Status}, expected {page.Status}");
                        await Expect(journey.Page.Locator("html")).ToHaveAttributeAsync("lang", language);
                        var found = new List<string>(await PageAudit.AxeViolationsAsync(journey.Page, where));
                        if (viewport == Phone) found.AddRange(await PageAudit.LayoutFaultsAsync(journey.Page, where));
                        await File.AppendAllLinesAsync(log, found.Count == 0 ? [$"{where}: ok"] : found);
                        faults.AddRange(found);
                        audited++;
                    }
                }

                journey.OutsideRequests.Should().BeEmpty();
            }
        }

        audited.Should().BeGreaterThan(75, "every page of every role, in two languages");
        faults.Should().BeEmpty("axe-core finds no serious or critical violation and no page overflows a phone:\n" + string.Join("\n", faults));
    }

    /// <summary>
    /// A creator with a completed Connect account and a listing; a buyer account that bought it; a guest whose payment
    /// is disputed (the creator's sales page then shows the dispute banner); the seeded admin.
    /// </summary>
    private async Task<SitePages.Site> SetUpAsync(string window)
    {
        await using var creator = await BrowserJourney.StartAsync(app, chromium, nameof(AccessibilityBrowserTests) + "-setup-" + window);
        await creator.RegisterAsync("Atelier Accessible " + window);
        await creator.OnboardAsync(complete: true);
        await creator.CreateListingAsync("Poster A2", "25.00", "eur", "Giclée print, 42 × 59.4 cm.", "Your download: https://files.example/a2.pdf");
        var (creatorId, slug) = await app.WithDbAsync(db => db.CreatorProfiles
            .Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == creator.Email)).Select(c => ValueTuple.Create(c.Id, c.Slug)).SingleAsync());
        var listingId = await app.WithDbAsync(db => db.Listings.Where(l => l.CreatorProfileId == creatorId).Select(l => l.Id).SingleAsync());

        var buyerEmail = BuyerScenarios.NewEmail("a11y-" + window);
        using (var http = app.NewBrowser()) await http.RegisterBuyerAsync(buyerEmail);
        await using (var buyer = await BrowserJourney.StartAsync(app, chromium, nameof(AccessibilityBrowserTests) + "-buyer-" + window))
        {
            await buyer.SignInAsync(buyerEmail, BuyerScenarios.Password);
            // Signed in, Checkout knows the buyer's email: only the card is typed.
            await buyer.GotoAsync($"/c/{slug}");
            await buyer.Page.Locator(".card", new() { HasText = "Poster A2" }).GetByTestId("buy").ClickAsync();
            await buyer.ExpectOnCheckoutAsync();
            await buyer.Page.GetByLabel("Card number").FillAsync(BrowserJourney.GoodCard);
            await buyer.Page.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
            await Expect(buyer.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orders/[A-Za-z0-9_-]{22}$"));
        }

        await using (var guest = await BrowserJourney.StartAsync(app, chromium, nameof(AccessibilityBrowserTests) + "-guest-" + window))
            await guest.BuyAsync(slug, "Poster A2", "guest@example.com", "4000 0000 0000 0259");
        await app.EventuallyAsync(db => db.Orders.CountAsync(o => o.CreatorProfileId == creatorId && o.Status == OrderStatus.Disputed), n => n == 1,
            seconds: 60, because: "the 0259 card's payment is disputed");
        var buyerOrder = await app.WithDbAsync(db => db.Orders.Where(o => o.BuyerUserId != null && o.CreatorProfileId == creatorId).Select(o => o.PublicToken).SingleAsync());
        var webhookEventId = await app.WithDbAsync(db => db.StripeWebhookEvents.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
        var planId = await app.WithDbAsync(db => db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        return new SitePages.Site(creator.Email, "Creator#12345", buyerEmail, BuyerScenarios.Password, creatorId, slug, listingId, buyerOrder,
            webhookEventId, planId);
    }
}
