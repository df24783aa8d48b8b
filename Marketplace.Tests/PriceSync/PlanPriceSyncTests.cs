using Marketplace.Core.Plans;
using Marketplace.Core.PriceSync;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Stripe;
using Plan = Marketplace.Core.Plans.Plan;
using Marketplace.Core.Amounts;

namespace Marketplace.Tests.PriceSync;

/// <summary>The plan catalogue synced to the emulator through the real Stripe.net client; each test has a fresh app and Stripe.</summary>
public sealed class PlanPriceSyncTests : IAsyncLifetime
{
    private readonly MarketplaceFactory _app = new();

    private StripeClient Stripe => _app.Services.GetRequiredService<StripeClient>();

    public Task InitializeAsync()
    {
        _app.CreateClient().Dispose(); // starts the app: migrations, seed, emulator
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SyncAll_FreshStripe_CreatesOneProductPerPaidPlanAndOneRecurringPricePerPrice()
    {
        var result = await SyncAllAsync();

        result.Should().Be(new PriceSyncResult(4, 8, 0, 0));
        var prices = await AllStripePricesAsync();
        prices.Should().HaveCount(8);
        var silverMonth = prices.Single(p => p.LookupKey == "plan_silver_month_eur");
        silverMonth.UnitAmount.Should().Be(1900);
        silverMonth.Currency.Should().Be("eur");
        silverMonth.Recurring.Interval.Should().Be("month");
        silverMonth.Metadata.Should().ContainKeys("plan_id", "plan_code", "plan_price_id", "interval");
        silverMonth.Metadata["plan_code"].Should().Be(PlanCodes.Silver);
        var stored = await _app.WithDbAsync(db => db.PlanPrices.Include(p => p.Plan).SingleAsync(p => p.LookupKey == "plan_silver_month_eur"));
        stored.StripePriceId.Should().Be(silverMonth.Id);
        stored.LastSyncedAt.Should().NotBeNull();
        silverMonth.ProductId.Should().Be(stored.Plan!.StripeProductId);
        (await Stripe.V1.Products.GetAsync(stored.Plan.StripeProductId)).Metadata["plan_id"].Should().Be(stored.PlanId.ToString());
    }

    [Fact]
    public async Task SyncAll_RunTwice_ReusesEverything()
    {
        await SyncAllAsync();

        var second = await SyncAllAsync();

        second.Should().Be(new PriceSyncResult(0, 0, 8, 0));
        (await AllStripePricesAsync()).Should().HaveCount(8);
    }

    [Fact]
    public async Task SyncPlan_StoredIdsLost_ReusesProductByMetadataAndPriceByLookupKey()
    {
        await SyncAllAsync();
        var before = await StoredIdsAsync(PlanCodes.Gold);
        await ForgetStripeIdsAsync(PlanCodes.Gold);

        var result = await SyncPlanAsync(PlanCodes.Gold);

        result.PricesCreated.Should().Be(0);
        result.ProductsCreated.Should().Be(0);
        (await StoredIdsAsync(PlanCodes.Gold)).Should().Equal(before);
    }

    [Fact]
    public async Task SyncPlan_NoLookupKeyOnStripe_ReusesPriceFoundByMetadataSearch()
    {
        await SyncAllAsync();
        var price = await _app.WithDbAsync(db => db.PlanPrices.SingleAsync(p => p.LookupKey == "plan_bronze_year_eur"));
        await Stripe.V1.Prices.UpdateAsync(price.StripePriceId, new PriceUpdateOptions { LookupKey = "" });
        await ForgetStripeIdsAsync(PlanCodes.Bronze);

        var result = await SyncPlanAsync(PlanCodes.Bronze);

        result.PricesCreated.Should().Be(0);
        (await _app.WithDbAsync(db => db.PlanPrices.SingleAsync(p => p.Id == price.Id))).StripePriceId.Should().Be(price.StripePriceId);
        (await Stripe.V1.Prices.GetAsync(price.StripePriceId)).LookupKey.Should().Be("plan_bronze_year_eur", "the lookup key is put back");
    }

    [Fact]
    public async Task SyncPlan_AmountChanged_CreatesNewPriceMovesLookupKeyAndArchivesTheOld()
    {
        await SyncAllAsync();
        var old = await _app.WithDbAsync(db => db.PlanPrices.SingleAsync(p => p.LookupKey == "plan_silver_month_eur"));
        await _app.WithDbAsync(async db =>
        {
            (await db.PlanPrices.SingleAsync(p => p.Id == old.Id)).ChangeAmount(2400);
            return await db.SaveChangesAsync();
        });

        var result = await SyncPlanAsync(PlanCodes.Silver);

        result.Should().Be(new PriceSyncResult(0, 1, 1, 1));
        var current = await _app.WithDbAsync(db => db.PlanPrices.SingleAsync(p => p.Id == old.Id));
        current.StripePriceId.Should().NotBe(old.StripePriceId);
        var newPrice = await Stripe.V1.Prices.GetAsync(current.StripePriceId);
        newPrice.UnitAmount.Should().Be(2400);
        newPrice.LookupKey.Should().Be("plan_silver_month_eur");
        var oldPrice = await Stripe.V1.Prices.GetAsync(old.StripePriceId);
        oldPrice.Active.Should().BeFalse();
        oldPrice.LookupKey.Should().BeNull();
    }

    [Fact]
    public async Task SyncPlan_XafPlan_SendsWholeFrancsNeverTimes100()
    {
        var planId = await _app.WithDbAsync(async db =>
        {
            var plan = new Plan("AFRIQUE", "Afrique", "Paid in CFA francs.", 99, 0, new PlanCapabilities(20, 1000));
            plan.AddPrice(PlanInterval.Month, Money.ToMinor(5000m, "xaf"), "xaf");
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PlanPriceSync>().SyncPlanAsync(planId);

        var price = (await AllStripePricesAsync()).Single(p => p.LookupKey == "plan_afrique_month_xaf");
        price.UnitAmount.Should().Be(5000);
        price.Currency.Should().Be("xaf");
    }

    [Fact]
    public async Task SyncAll_TwoAtOnce_CreateEachPriceOnce()
    {
        await Task.WhenAll(SyncAllAsync(), SyncAllAsync());

        (await AllStripePricesAsync()).Should().HaveCount(8);
        (await Stripe.V1.Products.ListAsync(new ProductListOptions { Limit = 100 })).Data.Should().HaveCount(4);
    }

    [Fact]
    public async Task EnsureStripePrice_PriceNeverSynced_SyncsItsPlanLazily()
    {
        var priceId = await _app.WithDbAsync(db => db.PlanPrices.Where(p => p.LookupKey == "plan_platinium_year_eur").Select(p => p.Id).SingleAsync());

        string stripePriceId;
        await using (var scope = _app.Services.CreateAsyncScope())
            stripePriceId = await scope.ServiceProvider.GetRequiredService<PlanPriceSync>().EnsureStripePriceAsync(priceId);

        (await Stripe.V1.Prices.GetAsync(stripePriceId)).UnitAmount.Should().Be(99_000);
    }

    private async Task<PriceSyncResult> SyncAllAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanPriceSync>().SyncAllAsync();
    }

    private async Task<PriceSyncResult> SyncPlanAsync(string code)
    {
        var planId = await _app.WithDbAsync(db => db.Plans.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanPriceSync>().SyncPlanAsync(planId);
    }

    private async Task<List<Price>> AllStripePricesAsync() => (await Stripe.V1.Prices.ListAsync(new PriceListOptions { Limit = 100 })).Data;

    private Task<List<string?>> StoredIdsAsync(string code) => _app.WithDbAsync(async db =>
    {
        var plan = await db.Plans.Include(p => p.Prices).SingleAsync(p => p.Code == code);
        return plan.Prices.OrderBy(p => p.Id).Select(p => p.StripePriceId).Prepend(plan.StripeProductId).ToList();
    });

    private Task<int> ForgetStripeIdsAsync(string code) => _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
        "UPDATE PlanPrices SET StripePriceId = NULL WHERE PlanId = (SELECT Id FROM Plans WHERE Code = {0}); UPDATE Plans SET StripeProductId = NULL WHERE Code = {0};", code));
}
