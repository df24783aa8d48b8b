using Marketplace.Core.Plans;
using Marketplace.Core.Seeding;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Data;

public sealed class PlanSeederTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _factory;

    public PlanSeederTests(MarketplaceFactory factory) => _factory = factory;

    [Fact]
    public async Task SeedAsync_RunTwice_LeavesTheSameRows()
    {
        _factory.CreateClient(); // start-up seeds once
        var before = await Snapshot();

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<PlanSeeder>().SeedAsync();
            created.Should().Be(0);
        }

        (await Snapshot()).Should().Equal(before);
        before.Should().HaveCount(9, "FREE has no price; four paid plans have a monthly and a yearly EUR price");
        before.Should().Contain("SILVER Month 1900 eur plan_silver_month_eur").And.Contain("SILVER Year 19000 eur plan_silver_year_eur");
    }

    [Fact]
    public async Task SeedAsync_AdminEditedAPlan_KeepsTheEdit()
    {
        _factory.CreateClient();
        await _factory.WithDbAsync(async db =>
        {
            var gold = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Gold);
            gold.Update("Gold+", gold.Description, gold.SortOrder, 7, gold.Capabilities);
            return await db.SaveChangesAsync();
        });

        await using (var scope = _factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PlanSeeder>().SeedAsync();

        var gold = await _factory.WithDbAsync(db => db.Plans.SingleAsync(p => p.Code == PlanCodes.Gold));
        gold.Name.Should().Be("Gold+");
        gold.TrialDays.Should().Be(7);
    }

    private Task<List<string>> Snapshot() => _factory.WithDbAsync(db =>
        db.Plans.Include(p => p.Prices).OrderBy(p => p.SortOrder).AsNoTracking().ToListAsync()
            .ContinueWith(t => t.Result.SelectMany(p => p.Prices.Count == 0
                    ? new[] { $"{p.Code} -" }
                    : p.Prices.OrderBy(x => x.Interval).Select(x => $"{p.Code} {x.Interval} {x.AmountMinor} {x.Currency} {x.LookupKey}"))
                .ToList()));
}
