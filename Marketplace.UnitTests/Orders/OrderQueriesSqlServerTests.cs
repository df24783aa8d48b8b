using Marketplace.Core.Admin;
using Marketplace.Core.Data;
using Marketplace.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.UnitTests.Orders;

/// <summary>
/// The new aggregations and filters translate to SQL on SQL Server (no SQL Server runs here: the query is compiled to
/// its SQL text, which fails for a LINQ shape EF Core cannot translate).
/// </summary>
public sealed class OrderQueriesSqlServerTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OrderQueries_OnSqlServer_TranslateToGroupedAndFilteredSql()
    {
        var options = new DbContextOptionsBuilder<SqlServerMarketplaceDbContext>()
            .UseSqlServerModel("Server=unused;Database=Marketplace;TrustServerCertificate=True").Options;
        using var db = new SqlServerMarketplaceDbContext(options);

        var byMonth = OrderRevenueByMonth.SumsQuery(db, Now.AddMonths(-11), Now).ToQueryString();
        var totals = CreatorSales.TotalsQuery(db, 7, Now.AddMonths(-1), Now).ToQueryString();
        var allTime = CreatorSales.TotalsQuery(db, 7, null, null).ToQueryString();
        var admin = AdminOrderQueries.Filtered(db, new AdminOrderFilter(OrderStatus.Paid, "50%_off", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)))
            .OrderByDescending(o => o.Id).Take(25).ToQueryString();

        byMonth.Should().Contain("GROUP BY").And.Contain("SUM(").And.Contain("DATEPART(year").And.Contain("DATEPART(month");
        totals.Should().Contain("GROUP BY [o].[Currency]").And.Contain("COUNT(*)").And.Contain("[o].[PaidAt] >=").And.Contain("CASE");
        allTime.Should().Contain("GROUP BY").And.NotContain("[o].[PaidAt] >=");
        admin.Should().Contain("LIKE").And.Contain("ESCAPE N'\\'").And.Contain("[o].[CreatedAt] <").And.Contain("[o].[Status] = @status").And.Contain("@status nvarchar(32) = N'Paid'");
    }
}
