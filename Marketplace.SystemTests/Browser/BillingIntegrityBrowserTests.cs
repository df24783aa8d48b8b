using Marketplace.Core.Invoices;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// Issue 16's two money items in a real Chromium against the live app: two Checkout tabs give one subscription, and
/// deleting the account cancels the Stripe subscription. Screenshots: <c>bin/…/screenshots/{test name}/</c>.
/// </summary>
[Trait("Category", "Browser")]
public sealed class BillingIntegrityBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task TwoTabs_SilverThenGoldAndPayBoth_SilverPageExpiredAndOneGoldSubscription()
    {
        await using var journey = await BrowserJourney.StartAsync(app, chromium);
        await journey.RegisterAsync();
        await journey.OnboardAsync(complete: true);
        await journey.ChooseSilverMonthlyAsync();
        await journey.ExpectOnCheckoutAsync();
        await journey.ScreenshotAsync("tab1-silver-checkout");
        var tab2 = await journey.Page.Context.NewPageAsync();
        await tab2.GotoAsync(new Uri(app.AppUrl, "/creator/subscription/upgrade").ToString());
        await tab2.GetByTestId("select-GOLD-month").ClickAsync();
        await Expect(tab2).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/c/pay/cs_"));

        await journey.PayOnCheckoutAsync(BrowserJourney.GoodCard, "tab1-silver-pay");
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Name = "Session expired" })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("tab1-silver-expired");
        await tab2.GetByLabel("Card number").FillAsync(BrowserJourney.GoodCard);
        await tab2.GetByRole(AriaRole.Button, new() { Name = "Subscribe", Exact = true }).ClickAsync();

        await Expect(tab2.GetByTestId("message")).ToHaveTextAsync("You are now on Gold.");
        await tab2.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserJourney.ScreenshotFolder(nameof(TwoTabs_SilverThenGoldAndPayBoth_SilverPageExpiredAndOneGoldSubscription)), "99-tab2-gold-active.png"), FullPage = true });
        var customerId = await app.WithDbAsync(db => db.CreatorSubscriptions.Where(s => db.Users.Any(u => u.Id == s.CreatorProfile!.UserId && u.Email == journey.Email))
            .Select(s => s.StripeCustomerId).SingleAsync());
        var subscriptions = await app.Stripe.V1.Subscriptions.ListAsync(new Stripe.SubscriptionListOptions { Customer = customerId });
        subscriptions.Data.Should().ContainSingle("one live subscription in Stripe").Which.Items.Data.Single().Price.UnitAmount.Should().Be(4900);
        journey.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task DeletePersonalData_CreatorOnSilver_SignedOutAndTheStripeSubscriptionCanceled()
    {
        await using var journey = await BrowserJourney.StartAsync(app, chromium);
        await journey.RegisterAsync();
        await journey.OnboardAsync(complete: true);
        await journey.ChooseSilverMonthlyAsync();
        await journey.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-4242");
        await journey.ExpectSubscriptionAsync("Silver", "Active");
        var (creatorId, subscriptionId) = await app.WithDbAsync(db => db.CreatorSubscriptions
            .Where(s => db.Users.Any(u => u.Id == s.CreatorProfile!.UserId && u.Email == journey.Email))
            .Select(s => ValueTuple.Create(s.CreatorProfileId, s.StripeSubscriptionId!)).SingleAsync());
        await app.EventuallyAsync(db => db.Payments.CountAsync(p => p.CreatorProfileId == creatorId && p.Status == PaymentStatus.Paid), n => n == 1, because: "ledger");

        await journey.GotoAsync("/Identity/Account/Manage/DeletePersonalData");
        await journey.Page.Locator("#Input_Password").FillAsync("Creator#12345");
        await journey.ScreenshotAsync("delete-personal-data");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Delete data and close my account" }).ClickAsync();

        await Expect(journey.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
        await Expect(journey.Page.GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        await journey.ScreenshotAsync("signed-out-home");
        (await app.Stripe.V1.Subscriptions.GetAsync(subscriptionId)).Status.Should().Be("canceled");
        (await app.WithDbAsync(db => db.Payments.CountAsync(p => p.CreatorProfileId == creatorId))).Should().Be(1, "the ledger row is kept");
        await journey.GotoAsync("/Identity/Account/Login");
        await journey.Page.Locator("#Input_Email").FillAsync(journey.Email);
        await journey.Page.Locator("#Input_Password").FillAsync("Creator#12345");
        await journey.Page.Locator("#login-submit").ClickAsync();
        await Expect(journey.Page.GetByText("Invalid login attempt.")).ToBeVisibleAsync();
        await journey.ScreenshotAsync("sign-in-refused");
        journey.OutsideRequests.Should().BeEmpty();
    }
}
