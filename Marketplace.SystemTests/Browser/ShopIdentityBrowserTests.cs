using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.PageViews;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// A shop with an identity, in a real Chromium: the creator sets a banner, an avatar, a Markdown bio and links on
/// <c>/creator/shop</c>, renames the shop's address (the old one answers 301 to the new one), opens "View my shop" from
/// the menu and sees them; a visitor sees the seller's card on the listing page and buys; <c>/creator</c> then shows
/// the sale in the 30-day chart and the visitor's views.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ShopIdentityBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Journey_CreatorDressesAndRenamesTheShopThenAVisitorBuys_ShopShowsItAndHomeCountsSaleAndViews()
    {
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        await creator.RegisterAsync("Dressed Shop");
        await creator.OnboardAsync(complete: true);
        await creator.ChooseSilverMonthlyAsync();
        await creator.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-silver");
        await creator.ExpectSubscriptionAsync("Silver", "Active");
        await creator.CreateListingAsync("Linocut print", "30.00", "eur", "Hand-pulled on washi paper.");
        var oldSlug = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == creator.Email)).Select(c => c.Slug).SingleAsync());
        var newSlug = "dressed-" + Guid.NewGuid().ToString("N")[..8];

        await creator.GotoAsync("/creator/shop");
        await creator.Page.Locator("#Slug").FillAsync(newSlug);
        await creator.Page.Locator("#Bio").FillAsync("Prints made **by hand** in Lyon.");
        await creator.Page.Locator("#Website").FillAsync("https://dressed.example");
        await creator.Page.Locator("#SocialLinks_0").FillAsync("https://social.example/@dressed");
        await creator.Page.Locator("#Banner").SetInputFilesAsync(new FilePayload { Name = "banner.png", MimeType = "image/png", Buffer = Png(1800, 500) });
        await creator.Page.Locator("#BannerAlt").FillAsync("A press in the workshop");
        await creator.Page.Locator("#Avatar").SetInputFilesAsync(new FilePayload { Name = "avatar.png", MimeType = "image/png", Buffer = Png(400, 400) });
        await creator.ScreenshotAsync("shop-form");
        await creator.Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(creator.Page.GetByTestId("saved")).ToBeVisibleAsync();

        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.AppUrl })
        {
            var old = await http.GetAsync($"/c/{oldSlug}");
            old.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
            old.Headers.Location!.OriginalString.Should().Be($"/c/{newSlug}");
        }

        await creator.Page.GetByTestId("view-my-shop").First.ClickAsync();
        await Expect(creator.Page).ToHaveURLAsync(new Regex($"/c/{newSlug}$"));
        await Expect(creator.Page.GetByTestId("shop-banner")).ToHaveAttributeAsync("alt", "A press in the workshop");
        await Expect(creator.Page.GetByTestId("shop-avatar")).ToBeVisibleAsync();
        await Expect(creator.Page.GetByTestId("shop-bio").Locator("strong")).ToHaveTextAsync("by hand");
        await Expect(creator.Page.Locator("a[rel='me noopener'][href='https://dressed.example']")).ToBeVisibleAsync();
        (await creator.Page.GetByTestId("shop-banner").EvaluateAsync<int>("img => img.naturalWidth")).Should().BeGreaterThan(0, "the banner's rendition is served");
        await creator.ScreenshotAsync("storefront");

        await using var visitor = await BrowserJourney.StartAsync(app, chromium, nameof(Journey_CreatorDressesAndRenamesTheShopThenAVisitorBuys_ShopShowsItAndHomeCountsSaleAndViews) + "-visitor");
        await visitor.GotoAsync($"/c/{newSlug}");
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = "Linocut print" }).ClickAsync();
        await Expect(visitor.Page.GetByTestId("seller-card")).ToContainTextAsync("Dressed Shop");
        await Expect(visitor.Page.GetByTestId("seller-avatar")).ToBeVisibleAsync();
        await visitor.ScreenshotAsync("listing-seller-card");
        await visitor.BuyAsync(newSlug, "Linocut print", "dressed-buyer@example.com", BrowserJourney.GoodCard);
        await Expect(visitor.Page.GetByTestId("order-status")).ToHaveTextAsync("Paid");
        await app.Services.GetRequiredService<PageViewFlusher>().FlushAsync();

        await creator.GotoAsync("/creator");
        await Expect(creator.Page.Locator("figure[data-chart-currency='eur'] figcaption")).ToContainTextAsync("1 paid orders");
        await Expect(creator.Page.Locator("figure[data-chart-currency='eur'] rect[data-amount]:not([data-amount='0'])")).ToHaveCountAsync(1);
        (await creator.Page.GetByTestId("views-total").InnerTextAsync()).Should().MatchRegex("^[1-9][0-9]*$");
        await creator.ScreenshotAsync("creator-home");
        creator.OutsideRequests.Should().BeEmpty();
        visitor.OutsideRequests.Should().BeEmpty();
    }

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(180, 90, 40, 255));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
