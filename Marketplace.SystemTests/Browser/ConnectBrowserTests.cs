using System.Text.RegularExpressions;
using Marketplace.Core.Connect;
using Marketplace.Core.Orders;
using Marketplace.Core.Payouts;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Stripe;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>The live app on a French (EU) platform with new creators' payouts held 7 days.</summary>
public sealed class ConnectBrowserFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Payouts:NewCreatorHoldDays"] = "7",
    ["Payouts:Interval"] = "daily",
    // The journey moves the emulator's clock 11 days ahead of the app's; a buyer's Checkout Session is on no test clock
    // at Stripe, so its expires_at (the app's clock + 30 min) is checked against real time.
    ["StripeEmulator:CheckoutExpiryInRealTime"] = "true",
});

/// <summary>
/// Connect as Stripe means it, in a real Chromium against the live app and the emulator: a creator in Germany onboards
/// (controller properties, transfers capability), sells in EUR with the shop's statement descriptor suffix, is held as a
/// new creator and then paid on the test clock; a requirement with a deadline warns while sales continue and stops them
/// once the clock passes it; a US creator is told before any Stripe call that the platform cannot pay them.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ConnectBrowserTests(ConnectBrowserFactory app, ChromiumFixture chromium)
    : IClassFixture<ConnectBrowserFactory>, IClassFixture<ChromiumFixture>
{
    private const string ShopName = "Müller & Söhne Studio";

    [Fact]
    public async Task Journey_GermanCreator_SellsInEurHeldThenPaidAndStoppedPastTheDeadline()
    {
        // Onboarding in Germany
        var since = TimeProvider.System.GetUtcNow();
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        await creator.RegisterAsync(ShopName);
        await creator.GotoAsync("/creator/connect");
        await creator.Page.GetByTestId("country").SelectOptionAsync("DE");
        await creator.Page.GetByTestId("onboard").ClickAsync();
        await Expect(creator.Page).ToHaveURLAsync(new Regex("/connect/onboarding/"));
        await creator.Page.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        await Expect(creator.Page.GetByTestId("onboarding-status")).ToHaveTextAsync("Complete");
        var create = app.RequestsSince(since).Single(r => r.Method == "POST" && r.Path == "/v1/accounts");
        create.Param("country").Should().Be("DE");
        create.Param("controller[stripe_dashboard][type]").Should().Be("express");
        create.Param("controller[fees][payer]").Should().Be("application");
        create.Param("controller[losses][payments]").Should().Be("application");
        create.Param("controller[requirement_collection]").Should().Be("stripe");
        create.Param("capabilities[transfers][requested]").Should().Be("true");
        create.Param("settings[payouts][schedule][interval]").Should().Be("manual", "new creators are held");
        var shop = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == creator.Email))
            .Select(c => new { c.Id, c.Slug, c.StripeAccount!.StripeAccountId }).SingleAsync());
        var onAccount = new RequestOptions { StripeAccount = shop.StripeAccountId };

        // A sale in EUR whose charge carries the shop's statement descriptor suffix
        await creator.CreateListingAsync("Poster A2", "40.00", "eur");
        var beforeSale = TimeProvider.System.GetUtcNow();
        await using var visitor = await BrowserJourney.StartAsync(app, chromium, nameof(Journey_GermanCreator_SellsInEurHeldThenPaidAndStoppedPastTheDeadline) + "-visitor");
        await visitor.BuyAsync(shop.Slug, "Poster A2", "visitor@example.com", BrowserJourney.GoodCard);
        await Expect(visitor.Page.GetByTestId("order-status")).ToHaveTextAsync("Paid");
        var session = app.RequestsSince(beforeSale).Single(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions");
        session.Param("line_items[0][price_data][currency]").Should().Be("eur");
        var suffix = session.Param("payment_intent_data[statement_descriptor_suffix]");
        suffix.Should().Be(StatementDescriptorSuffix.From(ShopName)).And.StartWith("Muller");

        // Held while new: the available balance accumulates, the sales page says until when
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(8));
        (await app.Stripe.V1.Payouts.ListAsync(null, onAccount)).Data.Should().BeEmpty("a held account is manual");
        (await app.Stripe.V1.Balance.GetAsync(onAccount)).Available.Single(b => b.Currency == "eur").Amount.Should().BePositive();
        await creator.GotoAsync("/creator/sales");
        await Expect(creator.Page.GetByTestId("payout-outlook")).ToContainTextAsync("Your payouts are held while your shop is new");
        await creator.ScreenshotAsync("payouts-held");

        // The hold's days pass: released to the daily schedule, paid out on the clock
        await app.ChangeCreatorAsync(shop.Id, (c, _) => c.StripeAccount!.HoldPayoutsAsNew(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-8)));
        (await app.WithServiceAsync<ReleasePayoutHoldsJob, int>(job => job.RunAsync(CancellationToken.None))).Should().BeGreaterThan(0);
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(1));
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(2));
        var paid = (await app.Stripe.V1.Payouts.ListAsync(null, onAccount)).Data.Should().ContainSingle().Subject;
        paid.Status.Should().Be("paid");
        paid.Automatic.Should().BeTrue();
        await app.EventuallyAsync(db => db.Payouts.AnyAsync(p => p.StripePayoutId == paid.Id && p.Status == PayoutStatus.Paid), done => done,
            because: "payout.paid reached the Connect endpoint");
        await creator.GotoAsync("/creator/sales");
        await Expect(creator.Page.Locator($"tr[data-payout-id='{paid.Id}'] [data-stripe-status='paid']")).ToBeVisibleAsync();
        await Expect(creator.Page.GetByTestId("payout-outlook")).ToContainTextAsync("every day");
        await creator.ScreenshotAsync("payout-paid");

        // A requirement due in 10 days: warned, sales continue
        var deadline = app.Emulator.Now(app.ApiKey) + 10 * 86_400;
        app.Emulator.AddRequirements(app.ApiKey, shop.StripeAccountId, ["individual.verification.document"], deadline);
        await app.EventuallyAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == shop.Id), a => a.RequirementsDeadline is not null,
            because: "account.updated reached the Connect endpoint");
        await creator.GotoAsync("/creator/connect");
        await Expect(creator.Page.GetByTestId("requirements-deadline")).ToContainTextAsync("or payments stop");
        await creator.ScreenshotAsync("requirement-deadline");
        await creator.GotoAsync("/creator/sales");
        await Expect(creator.Page.GetByTestId("requirements-deadline-banner")).ToContainTextAsync("or payments stop");
        await visitor.BuyAsync(shop.Slug, "Poster A2", "visitor@example.com", BrowserJourney.GoodCard);
        await Expect(visitor.Page.GetByTestId("order-status")).ToHaveTextAsync("Paid");

        // The clock passes the deadline: the guard refuses, with the reason
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(11));
        await app.EventuallyAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == shop.Id), a => a.RequirementsPastDue.Count > 0,
            because: "account.updated reached the Connect endpoint");
        await visitor.GotoAsync($"/c/{shop.Slug}");
        await visitor.Page.Locator(".card", new() { HasText = "Poster A2" }).GetByTestId("buy").ClickAsync();
        await Expect(visitor.Page.Locator("body")).ToContainTextAsync("This shop cannot take payments right now");
        await creator.GotoAsync("/creator/connect");
        await Expect(creator.Page.GetByTestId("disabled-reason")).ToBeVisibleAsync();
        await creator.ScreenshotAsync("past-due");
        creator.OutsideRequests.Should().BeEmpty();
        visitor.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Onboard_UnitedStatesOnAnEuPlatform_ToldBeforeAnyStripeCall()
    {
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        await creator.RegisterAsync("Brooklyn Prints");
        var since = TimeProvider.System.GetUtcNow();

        await creator.GotoAsync("/creator/connect");
        await creator.Page.GetByTestId("country").SelectOptionAsync("US");
        await creator.Page.GetByTestId("onboard").ClickAsync();

        await Expect(creator.Page.GetByTestId("connect-error")).ToContainTextAsync("This marketplace cannot pay creators in United States");
        await Expect(creator.Page.GetByTestId("connect-error")).ToContainTextAsync("Nothing was sent to Stripe.");
        await creator.ScreenshotAsync("us-refused");
        app.RequestsSince(since).Should().NotContain(r => r.Path.StartsWith("/v1/account", StringComparison.Ordinal), "refused before any Stripe call");
    }
}
