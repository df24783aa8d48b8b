using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Payouts;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Connect;

/// <summary>The app with new creators' payouts held 7 days or 2 paid orders, and a weekly schedule on Fridays.</summary>
public sealed class PayoutHoldFactory() : LiveMarketplaceFactory(true, new Dictionary<string, string?>
{
    ["Payouts:NewCreatorHoldDays"] = "7",
    ["Payouts:NewCreatorHoldOrders"] = "2",
    ["Payouts:Interval"] = "weekly",
    ["Payouts:WeeklyAnchor"] = "friday",
    ["Payouts:DelayDays"] = "10",
});

/// <summary>
/// Payouts the platform controls (https://docs.stripe.com/connect/manage-payout-schedule): a new creator's account is
/// created with <c>interval=manual</c>, released to the platform's schedule by the recurring job once the hold is over,
/// and an admin pauses and resumes one creator's payouts with a reason the creator sees.
/// </summary>
public sealed class PayoutControlTests(PayoutHoldFactory app) : IClassFixture<PayoutHoldFactory>
{
    [Fact]
    public async Task Onboard_NewCreatorsHeld_AccountCreatedManualAndTheSalesPageSaysUntilWhen()
    {
        var (browser, creatorId) = await ConnectCountryTests.NewCreatorAsync(app);
        var since = TimeProvider.System.GetUtcNow();

        (await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "DE" }, "/creator/connect/onboard"))
            .StatusCode.Should().Be(HttpStatusCode.SeeOther);

        var create = app.RequestsSince(since).Single(r => r.Method == "POST" && r.Path == "/v1/accounts");
        create.Param("settings[payouts][schedule][interval]").Should().Be("manual");
        var row = await AccountAsync(creatorId);
        row.PayoutsHeldSince.Should().NotBeNull();
        (await app.Stripe.V1.Accounts.GetAsync(row.StripeAccountId)).Settings.Payouts.Schedule.Interval.Should().Be("manual");
        var sales = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/sales"));
        sales.Should().Contain($"Your payouts are held while your shop is new: they start on {row.PayoutsHeldSince!.Value.AddDays(7):yyyy-MM-dd} (UTC) or after 2 paid orders, whichever comes first.");
    }

    [Fact]
    public async Task ReleaseDueHolds_HoldDaysPassed_WeeklyScheduleOnStripeAndTheNextPayoutShown()
    {
        var (browser, creatorId) = await ConnectCountryTests.NewCreatorAsync(app);
        await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "FR" }, "/creator/connect/onboard");
        await app.ChangeCreatorAsync(creatorId, (c, _) => c.StripeAccount!.HoldPayoutsAsNew(TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-8)));

        await app.WithServiceAsync<ReleasePayoutHoldsJob, int>(job => job.RunAsync(CancellationToken.None));

        var row = await AccountAsync(creatorId);
        row.PayoutsHeldSince.Should().BeNull();
        var schedule = (await app.Stripe.V1.Accounts.GetAsync(row.StripeAccountId)).Settings.Payouts.Schedule;
        schedule.Interval.Should().Be("weekly");
        schedule.WeeklyAnchor.Should().Be("friday");
        schedule.DelayDays.Should().Be(10);
        var sales = WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/sales"));
        var friday = PayoutOutlook.NextPayoutDay(new PayoutOptions { Interval = "weekly", WeeklyAnchor = "friday" }, TimeProvider.System.GetUtcNow().UtcDateTime);
        friday.DayOfWeek.Should().Be(DayOfWeek.Friday);
        sales.Should().Contain($"Next payout expected on {friday:yyyy-MM-dd} (UTC): Stripe pays out your available balance every week.");
    }

    [Fact]
    public async Task PausePayouts_AdminGivesAReason_StripeManualAndTheCreatorSeesWhy_ResumeRestoresTheSchedule()
    {
        var (browser, creatorId) = await ConnectCountryTests.NewCreatorAsync(app);
        await browser.SubmitFormAsync("/creator/connect", new Dictionary<string, string> { ["country"] = "FR" }, "/creator/connect/onboard");
        await app.ChangeCreatorAsync(creatorId, (c, _) => c.StripeAccount!.ReleaseNewCreatorHold());
        var accountId = (await AccountAsync(creatorId)).StripeAccountId;
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var noReason = await admin.SubmitFormAsync("/admin/creators", new Dictionary<string, string> { ["reason"] = "  " }, $"/admin/creators/{creatorId}/payouts/pause");
        WebUtility.HtmlDecode(await admin.Client.GetStringAsync(noReason.Headers.Location!.ToString())).Should().Contain("Give the creator a reason for the pause");
        (await AccountAsync(creatorId)).PayoutsPausedReason.Should().BeNull();

        var pause = await admin.SubmitFormAsync("/admin/creators", new Dictionary<string, string> { ["reason"] = "Risk review of recent sales" }, $"/admin/creators/{creatorId}/payouts/pause");

        pause.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Stripe.V1.Accounts.GetAsync(accountId)).Settings.Payouts.Schedule.Interval.Should().Be("manual");
        WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/sales"))
            .Should().Contain("The marketplace has paused your payouts: Risk review of recent sales.");

        var resume = await admin.SubmitFormAsync("/admin/creators", new Dictionary<string, string>(), $"/admin/creators/{creatorId}/payouts/resume");

        resume.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Stripe.V1.Accounts.GetAsync(accountId)).Settings.Payouts.Schedule.Interval.Should().Be("weekly");
        WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/creator/sales")).Should().Contain("Next payout expected on").And.NotContain("paused your payouts");
    }

    private Task<CreatorStripeAccount> AccountAsync(int creatorId) =>
        app.WithDbAsync(db => db.CreatorStripeAccounts.AsNoTracking().SingleAsync(a => a.CreatorProfileId == creatorId));
}
