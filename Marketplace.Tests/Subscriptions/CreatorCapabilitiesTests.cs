using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Subscriptions;

public sealed class CreatorCapabilitiesTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _app;

    public CreatorCapabilitiesTests(MarketplaceFactory app) => _app = app;

    [Fact]
    public async Task GetAsync_NewCreator_FreePlanCapabilities()
    {
        var creatorId = await _app.RegisterCreatorAsync();

        var capabilities = await GetAsync(creatorId);

        capabilities.Should().Be(new PlanCapabilities(3, 1500));
    }

    [Fact]
    public async Task GetAsync_PlanChangedByAnotherProcess_ReflectsTheNewPlanAtOnce()
    {
        // A second host on the same database files stands for the worker: its change reaches this host without any
        // invalidation (this host's memory cache never learns of it).
        var creatorId = await _app.RegisterCreatorAsync();
        (await GetAsync(creatorId))!.MaxListings.Should().Be(3);
        await using var worker = new MarketplaceFactory { Settings = { ["Database:SqliteDirectory"] = _app.DataDirectory } };

        await MoveToPlatiniumAsync(worker, creatorId);

        (await GetAsync(creatorId)).Should().Be(new PlanCapabilities(null, 500, null));
    }

    private async Task<PlanCapabilities?> GetAsync(int creatorId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreatorCapabilities>().GetAsync(creatorId);
    }

    private static Task<int> MoveToPlatiniumAsync(MarketplaceFactory host, int creatorId) => host.WithDbAsync(async db =>
    {
        var subscription = await db.CreatorSubscriptions.SingleAsync(s => s.CreatorProfileId == creatorId);
        var price = await db.PlanPrices.Include(p => p.Plan).SingleAsync(p => p.LookupKey == "plan_platinium_month_eur");
        var free = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free);
        subscription.ApplyStripeSubscription(new StripeSubscriptionSnapshot($"sub_{creatorId}", $"cus_{creatorId}", SubscriptionStatus.Active,
            DateTime.UtcNow, DateTime.UtcNow.AddMonths(1), false, null), price, free, null, DateTime.UtcNow);
        return await db.SaveChangesAsync();
    });
}
