using Marketplace.Core.Admin;
using Marketplace.Core.Data;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Marketplace.Core.Amounts;

namespace Marketplace.Tests.Admin;

/// <summary>
/// MRR, revenue and counts from a known data set on a real database (SQLite and PostgreSQL): eur, usd and jpy (zero-decimal), monthly and
/// yearly prices, statuses that count and statuses that do not, a failed payment, a month with no payment, and rows
/// just inside and just outside the 12-month window.
/// </summary>
public abstract class AdminDashboardQueriesTests<TFactory>(AdminDashboardQueriesTests<TFactory>.DataSet data)
    : IClassFixture<AdminDashboardQueriesTests<TFactory>.DataSet> where TFactory : MarketplaceFactory, new()
{
    private static readonly DateTime Now = new(2026, 3, 15, 12, 0, 0, DateTimeKind.Utc);
    private readonly AdminDashboard _dashboard = data.Dashboard;

    /// <summary>The data set, written once for the class, and the dashboard read from it at <see cref="Now"/>.</summary>
    public sealed class DataSet : IAsyncLifetime
    {
        private readonly TFactory _app = new();

        public AdminDashboard Dashboard { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var prices = await _app.PlanAsync("MRRTEST",
                (PlanInterval.Month, 1000, "eur"), (PlanInterval.Year, 10000, "eur"),
                (PlanInterval.Month, 1500, "usd"), (PlanInterval.Year, 12006, "usd"),
                (PlanInterval.Month, 980, "jpy"), (PlanInterval.Year, 9800, "jpy"));
            async Task<int> Creator(PlanInterval interval, string currency, SubscriptionStatus status)
            {
                var id = await _app.RegisterCreatorAsync();
                await _app.SubscribeAsync(id, prices[(interval, currency)], status);
                return id;
            }

            var eurMonthlyActive = await Creator(PlanInterval.Month, "eur", SubscriptionStatus.Active);
            await Creator(PlanInterval.Year, "eur", SubscriptionStatus.Active);
            var eurYearlyPastDue = await Creator(PlanInterval.Year, "eur", SubscriptionStatus.PastDue);
            await Creator(PlanInterval.Month, "eur", SubscriptionStatus.Trialing);
            await Creator(PlanInterval.Month, "eur", SubscriptionStatus.Incomplete);
            await Creator(PlanInterval.Year, "usd", SubscriptionStatus.Active);
            await Creator(PlanInterval.Month, "usd", SubscriptionStatus.PastDue);
            await Creator(PlanInterval.Year, "jpy", SubscriptionStatus.Active);
            await Creator(PlanInterval.Month, "jpy", SubscriptionStatus.Unpaid);
            await _app.RegisterCreatorAsync(); // Free plan
            await _app.ConnectCompleteAsync(eurMonthlyActive); // eligible
            await _app.ConnectCompleteAsync(eurYearlyPastDue); // complete account, but past_due: not eligible

            var payer = eurMonthlyActive;
            await _app.PayAsync(payer, 1000, "eur", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
            await _app.PayAsync(payer, 2500, "eur", new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc));
            await _app.PayAsync(payer, 700, "eur", new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), PaymentStatus.Failed);
            await _app.PayAsync(payer, 1000, "eur", new DateTime(2026, 2, 28, 23, 59, 59, DateTimeKind.Utc));
            await _app.PayAsync(payer, 10000, "eur", new DateTime(2025, 12, 5, 0, 0, 0, DateTimeKind.Utc));
            await _app.PayAsync(payer, 500, "eur", new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));
            await _app.PayAsync(payer, 9999, "eur", new DateTime(2025, 3, 31, 23, 59, 59, DateTimeKind.Utc));
            await _app.PayAsync(payer, 777, "eur", new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
            await _app.PayAsync(payer, 1500, "usd", new DateTime(2026, 2, 10, 8, 0, 0, DateTimeKind.Utc));
            await _app.PayAsync(payer, 980, "jpy", new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc));

            await using var scope = _app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            Dashboard = await new AdminDashboardQueries(db, new FixedClock(Now), new Marketplace.Core.Disputes.OwedToCreators(db),
                new Marketplace.Core.Memberships.MembershipNumbers(db, new FixedClock(Now))).GetAsync();
        }

        public async Task DisposeAsync() => await _app.DisposeAsync();
    }

    [Fact]
    public void Mrr_MixedCurrenciesAndIntervals_PerCurrencyYearlyAsATwelfthRoundedHalfAwayFromZero()
    {
        _dashboard.Mrr.Should().Equal(
            new MrrLine("eur", 1000 + 1667, 3), // 1000 monthly + (10000 + 10000) / 12 = 1666.67 → 1667; trialing and incomplete left out
            new MrrLine("jpy", 817, 1), // 9800 / 12 = 816.67 → 817 yen; the unpaid monthly one left out
            new MrrLine("usd", 1500 + 1001, 2)); // 12006 / 12 = 1000.5 → 1001 (half away from zero, not to even)
    }

    [Fact]
    public void Revenue_TwelveMonths_PaidRowsPerCurrencyAndMonthZeroWhereNone()
    {
        _dashboard.Revenue.Months.Should().HaveCount(12);
        _dashboard.Revenue.Months[0].Should().Be(new DateOnly(2025, 4, 1));
        _dashboard.Revenue.Months[^1].Should().Be(new DateOnly(2026, 3, 1));
        _dashboard.Revenue.Series.Select(s => s.Currency).Should().Equal("eur", "jpy", "usd");
        var eur = _dashboard.Revenue.Series[0].AmountsMinor;
        eur.Should().Equal(500, 0, 0, 0, 0, 0, 0, 0, 10000, 0, 1000, 3500); // Apr 2025 … Mar 2026; Jan 2026 had no row at all
        _dashboard.Revenue.Series[1].AmountsMinor.Should().Equal(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 980);
        _dashboard.Revenue.Series[2].AmountsMinor.Should().Equal(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1500, 0);
    }

    [Fact]
    public void Revenue_ThisAndLastMonth_PerCurrencyFailedAndOutOfWindowRowsLeftOut()
    {
        _dashboard.Revenue.ThisMonth.Should().Equal(new Money("eur", 3500), new Money("jpy", 980), new Money("usd", 0));
        _dashboard.Revenue.LastMonth.Should().Equal(new Money("eur", 1000), new Money("jpy", 0), new Money("usd", 1500));
    }

    [Fact]
    public void Counts_CreatorsEligibleAndSubscriptionsByStatus()
    {
        _dashboard.CreatorCount.Should().Be(10);
        _dashboard.EligibleCreatorCount.Should().Be(1);
        _dashboard.FreePlanCount.Should().Be(1);
        _dashboard.PaidSubscriptionsByStatus.Should().BeEquivalentTo(new[]
        {
            new SubscriptionStatusCount(SubscriptionStatus.Active, 4),
            new SubscriptionStatusCount(SubscriptionStatus.Trialing, 1),
            new SubscriptionStatusCount(SubscriptionStatus.PastDue, 2),
            new SubscriptionStatusCount(SubscriptionStatus.Unpaid, 1),
            new SubscriptionStatusCount(SubscriptionStatus.Incomplete, 1),
        });
    }

    [Fact]
    public void Aggregations_OnSqlServer_TranslateToOneGroupedQuery()
    {
        var options = new DbContextOptionsBuilder<SqlServerMarketplaceDbContext>()
            .UseSqlServerModel("Server=unused;Database=Marketplace;TrustServerCertificate=True").Options;
        using var db = new SqlServerMarketplaceDbContext(options);

        var mrr = Mrr.SumsQuery(db).ToQueryString();
        var revenue = RevenueByMonth.SumsQuery(db, Now.AddMonths(-11), Now).ToQueryString();

        mrr.Should().Contain("GROUP BY").And.Contain("SUM(");
        revenue.Should().Contain("GROUP BY").And.Contain("SUM(").And.Contain("DATEPART(year").And.Contain("DATEPART(month");
    }

    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }
}

/// <summary>The admin dashboard's queries on SQLite.</summary>
public sealed class AdminDashboardQueriesTests(AdminDashboardQueriesTests<MarketplaceFactory>.DataSet data) : AdminDashboardQueriesTests<MarketplaceFactory>(data);
