using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Payouts;
using Marketplace.StripeGateway;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Connect;

/// <summary>The app with new creators' payouts held 7 days and a daily schedule (the configuration's).</summary>
public sealed class PayoutScheduleFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Payouts:NewCreatorHoldDays"] = "7",
    ["Payouts:Interval"] = "daily",
});

/// <summary>
/// The admin changes the payout schedule (https://docs.stripe.com/connect/manage-payout-schedule) of one creator, at
/// once on Stripe, or of every creator, through a background job whose progress the page shows; held creators stay manual.
/// </summary>
public sealed class PayoutScheduleAdminTests(PayoutScheduleFactory app) : IClassFixture<PayoutScheduleFactory>
{
    [Fact]
    public async Task ChangeOne_Monthly_StripeAccountMonthlyAndTheSalesPageSaysTheNextDay()
    {
        var (browser, creatorId, accountId) = await ReleasedCreatorAsync();
        using var admin = await AdminAsync();

        var change = await admin.SubmitFormAsync($"/admin/payout-schedule?creator={creatorId}",
            new Dictionary<string, string> { ["Interval"] = "monthly", ["MonthlyAnchor"] = "15", ["DelayDays"] = "10" }, $"/admin/payout-schedule/creators/{creatorId}");

        change.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var schedule = (await app.Stripe.V1.Accounts.GetAsync(accountId)).Settings.Payouts.Schedule;
        (schedule.Interval, schedule.MonthlyAnchor, schedule.DelayDays).Should().Be(("monthly", 15L, 10L));
        var next = PayoutOutlook.NextPayoutDay(new PayoutScheduleSettings("monthly", MonthlyAnchor: 15), TimeProvider.System.GetUtcNow().UtcDateTime);
        WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/sales"))
            .Should().Contain($"Next payout expected on {next:yyyy-MM-dd} (UTC): Stripe pays out your available balance every month.");
        WebUtility.HtmlDecode(await admin.Client.GetStringAsync($"/admin/payout-schedule?creator={creatorId}"))
            .Should().Contain("Own schedule: Every month on day 15 · 10 days after a sale.");
    }

    [Fact]
    public async Task ChangeOne_WeeklyWithoutAWeekday_SamePageWithTheReasonAndStripeUnchanged()
    {
        var (_, creatorId, accountId) = await ReleasedCreatorAsync();
        var before = (await app.Stripe.V1.Accounts.GetAsync(accountId)).Settings.Payouts.Schedule.Interval;
        using var admin = await AdminAsync();

        var change = await admin.SubmitFormAsync($"/admin/payout-schedule?creator={creatorId}",
            new Dictionary<string, string> { ["Interval"] = "weekly", ["WeeklyAnchor"] = "someday" }, $"/admin/payout-schedule/creators/{creatorId}");

        change.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await change.Content.ReadAsStringAsync()).Should().Contain("Choose the weekday of weekly payouts.");
        (await app.Stripe.V1.Accounts.GetAsync(accountId)).Settings.Payouts.Schedule.Interval.Should().Be(before).And.NotBe("manual");
    }

    [Fact]
    public async Task ChangeAll_Weekly_EveryAccountWeeklyButTheHeldOneManualAndTheProgressShown()
    {
        var (released, releasedId, releasedAccount) = await ReleasedCreatorAsync();
        await app.WithServiceAsync<PayoutControl, string>(control => control.ChangeScheduleAsync(releasedId, new PayoutScheduleSettings("monthly", MonthlyAnchor: 3)));
        var (held, heldId) = await ConnectCountryTests.NewCreatorAsync(app);
        using var _ = held;
        await held.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "FR" }, "/creator/connect/onboard");
        var heldAccount = (await AccountAsync(heldId)).StripeAccountId;
        using var admin = await AdminAsync();

        var change = await admin.SubmitFormAsync("/admin/payout-schedule",
            new Dictionary<string, string> { ["Interval"] = "weekly", ["WeeklyAnchor"] = "tuesday" }, "/admin/payout-schedule");
        await app.EventuallyAsync(db => db.PlatformPayoutSchedules.AsNoTracking().SingleAsync(), s => s.FinishedAt is not null, because: "the job applies the change");

        change.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var schedule = (await app.Stripe.V1.Accounts.GetAsync(releasedAccount)).Settings.Payouts.Schedule;
        (schedule.Interval, schedule.WeeklyAnchor).Should().Be(("weekly", "tuesday"));
        (await app.Stripe.V1.Accounts.GetAsync(heldAccount)).Settings.Payouts.Schedule.Interval.Should().Be("manual", "a new creator stays held");
        (await AccountAsync(releasedId)).OwnPayoutSchedule.Should().BeNull("a change for all replaces a creator's own schedule");
        var page = WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin/payout-schedule"));
        page.Should().Contain("Platform schedule: Every week on Tuesday · Stripe's minimum delay.").And.Contain("(0 refused by Stripe), finished");
        WebUtility.HtmlDecode(await released.Client.GetStringAsync("/creator/sales")).Should().Contain("Stripe pays out your available balance every week.");

        await app.ChangeCreatorAsync(heldId, (c, _) => c.StripeAccount!.HoldPayoutsAsNew(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-8)));
        await app.WithServiceAsync<PayoutControl, int>(control => control.ReleaseDueHoldsAsync());
        (await app.Stripe.V1.Accounts.GetAsync(heldAccount)).Settings.Payouts.Schedule.Interval.Should().Be("weekly", "once released, the platform's new schedule applies");
    }

    private async Task<(BrowserSession Browser, int CreatorId, string AccountId)> ReleasedCreatorAsync()
    {
        var (browser, creatorId) = await ConnectCountryTests.NewCreatorAsync(app);
        await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "FR" }, "/creator/connect/onboard");
        await app.ChangeCreatorAsync(creatorId, (c, _) => c.StripeAccount!.HoldPayoutsAsNew(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-8)));
        await app.WithServiceAsync<PayoutControl, int>(control => control.ReleaseDueHoldsAsync());
        return (browser, creatorId, (await AccountAsync(creatorId)).StripeAccountId);
    }

    private async Task<BrowserSession> AdminAsync()
    {
        var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return admin;
    }

    private Task<CreatorStripeAccount> AccountAsync(int creatorId) =>
        app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == creatorId));
}
