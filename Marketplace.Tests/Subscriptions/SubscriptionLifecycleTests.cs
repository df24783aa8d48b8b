using System.Net;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Subscriptions;

/// <summary>
/// Period ends driven by the emulator's test clock: a move to Free at period end, a failing card at renewal. The clock
/// is one per app (one emulator key) and Checkout Sessions expire by it, so each test has an app of its own.
/// </summary>
public sealed class SubscriptionLifecycleTests
{
    [Fact]
    public async Task ChangeToFree_CancelsAtPeriodEndThenTheClockEndsIt_FreeWithListingsBeyondTheLimitHiddenNotDeleted()
    {
        await using var app = new LiveMarketplaceFactory();
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Silver);
        using var _ = browser;
        for (var i = 1; i <= 5; i++) await CreateListingAsync(browser, $"Print {i}");
        var freeId = await app.PlanIdAsync(PlanCodes.Free);

        var confirm = await browser.PageAsync($"/creator/subscription/plan/{freeId}/change?interval=month");
        await browser.PostAsync($"/creator/subscription/plan/{freeId}/change", $"/creator/subscription/plan/{freeId}/change?interval=month",
            new Dictionary<string, string> { ["interval"] = "month" });
        var row = await app.RowAsync(creatorId);
        var cancelling = await browser.PageAsync("/creator/subscription");
        var stripeBefore = await app.Stripe.V1.Subscriptions.GetAsync(row.StripeSubscriptionId);
        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(32));
        await app.EventuallyAsync(db => db.CreatorSubscriptions.Include(s => s.Plan).SingleAsync(s => s.CreatorProfileId == creatorId),
            s => s.Plan!.Code == PlanCodes.Free, because: "customer.subscription.deleted puts the creator on Free");
        var slug = await app.WithDbAsync(db => db.CreatorProfiles.Where(c => c.Id == creatorId).Select(c => c.Slug).SingleAsync());
        var storefront = await browser.PageAsync($"/c/{slug}");

        confirm.Should().Contain($"data-testid=\"applies\">on {row.CurrentPeriodEnd:yyyy-MM-dd} (UTC), at the end of your current period<");
        cancelling.Should().Contain("data-testid=\"plan\">Silver").And.Contain($"Cancels on {row.CurrentPeriodEnd:yyyy-MM-dd}");
        stripeBefore.CancelAtPeriodEnd.Should().BeTrue();
        (await app.Stripe.V1.Subscriptions.GetAsync(row.StripeSubscriptionId)).Status.Should().Be("canceled");
        (await browser.PageAsync("/creator/subscription")).Should().Contain("data-testid=\"plan\">Free<").And.Contain("data-testid=\"listings-usage\">5 of 3<");
        storefront.Should().Contain("Print 1").And.Contain("Print 2").And.Contain("Print 3").And.NotContain("Print 4").And.NotContain("Print 5");
        (await app.WithDbAsync(db => db.Listings.CountAsync(l => l.CreatorProfileId == creatorId && l.IsActive))).Should().Be(5, "hidden, never deleted");
    }

    [Fact]
    public async Task FailingCardAtRenewal_PastDueBannerOnEveryCreatorPage_LeadsToThePortal()
    {
        await using var app = new LiveMarketplaceFactory();
        var (browser, creatorId) = await app.SubscribedCreatorAsync(PlanCodes.Bronze, card: "4000000000000341");
        using var _ = browser;
        (await browser.PageAsync("/creator/listings")).Should().NotContain("past-due-banner");

        app.Emulator.AdvanceClock(app.ApiKey, TimeSpan.FromDays(32));
        await app.EventuallyAsync(db => db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId),
            s => s.Status == SubscriptionStatus.PastDue, because: "invoice.payment_failed at renewal");

        var listings = await browser.PageAsync("/creator/listings");
        var subscription = await browser.PageAsync("/creator/subscription");
        var toPortal = await browser.PostAsync("/creator/subscription/portal", "/creator/listings");
        var api = await browser.Client.GetStringAsync("/api/billing/me");

        listings.Should().Contain("data-testid=\"past-due-banner\"").And.Contain("action=\"/creator/subscription/portal\"");
        subscription.Should().Contain("data-testid=\"status\">Past due — update your payment method<").And.Contain("past-due-banner");
        toPortal.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        toPortal.Headers.Location!.ToString().Should().StartWith(app.Emulator.BaseUrl.ToString()).And.Contain("/p/session/bps_");
        api.Should().Contain("\"status\":\"past_due\"");
        await app.EventuallyAsync(db => db.Payments.CountAsync(p => p.CreatorProfileId == creatorId && p.Status == Core.Invoices.PaymentStatus.Failed),
            n => n == 1, because: "the failed renewal in the ledger");
        (await browser.PageAsync("/creator/subscription")).Should().Contain("<td>Failed</td>");
    }

    private static async Task CreateListingAsync(BrowserSession browser, string title)
    {
        var response = await browser.SubmitFormAsync("/creator/listings/new", new Dictionary<string, string>
        {
            ["Title"] = title, ["Description"] = "A print.", ["Price"] = "12.50", ["Currency"] = "eur",
        }, "/creator/listings");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        await Task.Delay(5); // distinct CreatedAt, so "oldest first" is well defined
    }
}
