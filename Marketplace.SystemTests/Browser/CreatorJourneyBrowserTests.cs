using Marketplace.Core.Invoices;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// The creator's journey in a real Chromium (Debian's, headless) against the live app on a loopback port: the Identity
/// UI, the Connect status page, the emulator's hosted onboarding and Checkout pages, the upgrade and subscription
/// pages. The browser never reaches outside this machine: every other host is blocked and each test asserts that
/// none was even attempted. Screenshots: <c>bin/…/screenshots/{test name}/</c>.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CreatorJourneyBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Journey_OnboardThenSilverMonthlyWithCard4242_SubscriptionPageShowsSilverActive()
    {
        await using var journey = await BrowserJourney.StartAsync(app, chromium);
        await journey.RegisterAsync();
        (await journey.OnboardAsync(complete: true)).Should().Be("Complete");
        await Expect(journey.Page.GetByTestId("eligible")).ToHaveTextAsync("Yes");

        await journey.ChooseSilverMonthlyAsync();
        await journey.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-4242");

        await Expect(journey.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/creator/subscription$"));
        await Expect(journey.Page.GetByTestId("message")).ToHaveTextAsync("You are now on Silver.");
        await journey.ScreenshotAsync("success");
        await journey.ExpectSubscriptionAsync("Silver", "Active");
        await ExpectPaidInvoiceFromWebhookAsync(journey.Email);
        await journey.ScreenshotAsync("subscription-silver-active");
        journey.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Journey_CardDeclinedOnCheckoutThen4242_ErrorOnCheckoutThenSilverActive()
    {
        await using var journey = await BrowserJourney.StartAsync(app, chromium);
        await journey.RegisterAsync();
        await journey.OnboardAsync(complete: true);
        await journey.ChooseSilverMonthlyAsync();

        await journey.PayOnCheckoutAsync(BrowserJourney.DeclinedCard, "checkout-declined-card");
        await journey.ExpectOnCheckoutAsync();
        await Expect(journey.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your card was declined.");
        await journey.ScreenshotAsync("checkout-declined");
        await journey.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-4242");

        await Expect(journey.Page.GetByTestId("message")).ToHaveTextAsync("You are now on Silver.");
        await journey.ExpectSubscriptionAsync("Silver", "Active");
        await ExpectPaidInvoiceFromWebhookAsync(journey.Email);
        await journey.ScreenshotAsync("subscription-silver-active");
        journey.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Journey_CheckoutCancelled_BackOnFree()
    {
        await using var journey = await BrowserJourney.StartAsync(app, chromium);
        await journey.RegisterAsync();
        await journey.OnboardAsync(complete: true);
        await journey.ChooseSilverMonthlyAsync();
        await journey.ExpectOnCheckoutAsync();
        await journey.ScreenshotAsync("checkout");

        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Back", Exact = true }).ClickAsync();

        await Expect(journey.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/creator/subscription/upgrade$"));
        await Expect(journey.Page.GetByTestId("info")).ToHaveTextAsync("Checkout was cancelled: nothing has changed.");
        await Expect(journey.Page.GetByTestId("current-plan")).ToHaveTextAsync("Free");
        await journey.ScreenshotAsync("cancelled-back-on-free");
        await journey.ExpectSubscriptionAsync("Free", "Active");
        await journey.ScreenshotAsync("subscription-free");
        journey.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Journey_OnboardingLeftIncomplete_PlanButtonExplainsWhatIsMissingAndNoCheckoutStarts()
    {
        await using var journey = await BrowserJourney.StartAsync(app, chromium);
        await journey.RegisterAsync();
        await journey.OnboardAsync(complete: false);
        await Expect(journey.Page.GetByTestId("eligible")).ToHaveTextAsync("Not yet");
        var sessionsBefore = await CheckoutSessionCountAsync();
        var checkoutPages = 0;
        journey.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/c/pay/", StringComparison.Ordinal)) Interlocked.Increment(ref checkoutPages);
        };

        await journey.ChooseSilverMonthlyAsync();

        await Expect(journey.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/creator/subscription/upgrade$"));
        await Expect(journey.Page.GetByTestId("error")).ToBeVisibleAsync();
        var unmet = journey.Page.GetByTestId("unmet");
        await Expect(unmet).ToBeVisibleAsync();
        await Expect(unmet).ToContainTextAsync("Stripe does not let your account accept payments yet.");
        await Expect(unmet).ToContainTextAsync("Stripe cannot pay out to your bank account yet.");
        await Expect(unmet.GetByRole(AriaRole.Link, new() { Name = "Go to your Stripe account status" })).ToHaveAttributeAsync("href", "/creator/connect");
        await Expect(journey.Page.GetByTestId("current-plan")).ToHaveTextAsync("Free");
        await journey.ScreenshotAsync("plan-refused-with-what-is-missing");
        checkoutPages.Should().Be(0, "the browser never went to Checkout");
        (await CheckoutSessionCountAsync()).Should().Be(sessionsBefore, "no Checkout Session was created");
        journey.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task LoopbackOnlyContext_PageAsksForAnOutsideHost_RequestIsAbortedAndCounted()
    {
        await using var browser = await LoopbackOnlyContext.OpenAsync(chromium.Browser);

        var act = () => browser.Page.GotoAsync("http://example.com/");

        await act.Should().ThrowAsync<PlaywrightException>();
        browser.OutsideRequests.Should().Equal("http://example.com/");
    }

    /// <summary>The ledger row is written only by the <c>invoice.paid</c> webhook job: it proves the asynchronous path ran.</summary>
    private async Task ExpectPaidInvoiceFromWebhookAsync(string email) =>
        await app.EventuallyAsync(db => db.Payments.CountAsync(p => p.Status == PaymentStatus.Paid
                && db.CreatorProfiles.Any(c => c.Id == p.CreatorProfileId && db.Users.Any(u => u.Id == c.UserId && u.Email == email))),
            count => count == 1, because: "invoice.paid delivered by the emulator and processed by Hangfire");

    private async Task<int> CheckoutSessionCountAsync()
    {
        var sessions = await app.Stripe.V1.Checkout.Sessions.ListAsync(new Stripe.Checkout.SessionListOptions { Limit = 100 });
        return sessions.Data.Count;
    }
}
