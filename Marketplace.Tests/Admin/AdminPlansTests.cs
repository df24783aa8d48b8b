using System.Net;
using Hangfire;
using Marketplace.Core.Plans;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Admin;

public sealed class AdminPlansTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _app;

    public AdminPlansTests(MarketplaceFactory app) => _app = app;

    [Fact]
    public async Task Index_Admin_ListsEveryPlanWithPricesAndSyncState()
    {
        using var admin = await AdminAsync();

        var page = await admin.Client.GetStringAsync("/admin/plans");

        foreach (var code in new[] { "FREE", "BRONZE", "SILVER", "GOLD", "PLATINIUM" }) page.Should().Contain($"data-plan-code=\"{code}\"");
        page.Should().Contain("€19.00").And.Contain("not synced");
    }

    [Fact]
    public async Task Index_CreatorOrAnonymous_403OrLogin()
    {
        using var creator = BrowserSession.For(_app);
        await creator.RegisterCreatorAsync($"{Guid.NewGuid():N}@example.com", "Creator");
        using var anonymous = BrowserSession.For(_app);

        (await creator.Client.GetAsync("/admin/plans")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var response = await anonymous.Client.GetAsync("/admin/plans");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/Identity/Account/Login");
    }

    [Fact]
    public async Task Create_XafPlan_StoresWholeFrancsAndEnqueuesItsSync()
    {
        using var admin = await AdminAsync();
        var before = EnqueuedDefault();

        var response = await admin.SubmitFormAsync("/admin/plans/new", Form("SAHEL", "Sahel", "xaf", "5000", "50000"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var plan = await _app.WithDbAsync(db => db.Plans.Include(p => p.Prices).SingleAsync(p => p.Code == "SAHEL"));
        plan.Prices.Select(p => (p.Interval, p.AmountMinor, p.Currency)).Should().BeEquivalentTo(new[]
        {
            (PlanInterval.Month, 5000L, "xaf"), (PlanInterval.Year, 50000L, "xaf"),
        });
        (EnqueuedDefault() - before).Should().Be(1);
    }

    [Fact]
    public async Task Create_ExistingCode_ShowsTheErrorAndStoresNothing()
    {
        using var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync("/admin/plans/new", Form("GOLD", "Another gold", "eur", "10", "100"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("exists already");
        (await _app.WithDbAsync(db => db.Plans.CountAsync(p => p.Code == "GOLD"))).Should().Be(1);
    }

    [Fact]
    public async Task Edit_AmountChanged_SameRowNewAmountStripeIdDropped()
    {
        var price = await _app.WithDbAsync(async db =>
        {
            var bronze = await db.PlanPrices.SingleAsync(p => p.LookupKey == "plan_bronze_month_eur");
            bronze.MarkSynced("price_old_bronze", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return bronze;
        });
        using var admin = await AdminAsync();

        var response = await admin.SubmitFormAsync($"/admin/plans/{price.PlanId}/edit", Form("BRONZE", "Bronze", "eur", "12.50", "90"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await _app.WithDbAsync(db => db.PlanPrices.SingleAsync(p => p.Id == price.Id));
        after.AmountMinor.Should().Be(1250);
        after.StripePriceId.Should().BeNull("a Stripe Price is immutable: the sync creates a new one");
    }

    [Fact]
    public async Task SetActive_FreePlanOff_RefusedWithAMessage()
    {
        var freeId = await _app.WithDbAsync(db => db.Plans.Where(p => p.Code == PlanCodes.Free).Select(p => p.Id).SingleAsync());
        using var admin = await AdminAsync();

        await admin.SubmitFormAsync("/admin/plans", new Dictionary<string, string> { ["active"] = "false" }, $"/admin/plans/{freeId}/active");

        (await _app.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == freeId))).IsActive.Should().BeTrue();
        (await admin.Client.GetStringAsync("/admin/plans")).Should().Contain("cannot be deactivated");
    }

    private async Task<BrowserSession> AdminAsync()
    {
        var session = BrowserSession.For(_app);
        (await session.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return session;
    }

    private long EnqueuedDefault() => _app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");

    /// <summary>The admin plan form's fields (amounts as typed).</summary>
    internal static Dictionary<string, string> Form(string code, string name, string currency, string monthly, string yearly) => new()
    {
        ["Code"] = code,
        ["Name"] = name,
        ["Description"] = $"{name} plan",
        ["SortOrder"] = "60",
        ["TrialDays"] = "0",
        ["MaxListings"] = "20",
        ["CommissionRateBps"] = "900",
        ["Currency"] = currency,
        ["MonthlyAmount"] = monthly,
        ["YearlyAmount"] = yearly,
    };
}
