using Marketplace.Tests.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Buyers;

/// <summary>The lookups of a buyer's orders by email read the index on <c>Orders.BuyerEmailLower</c> (SQLite's query plan).</summary>
public sealed class BuyerEmailIndexTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task OrdersOfAnAddress_QueryPlan_SearchesTheBuyerEmailIndex()
    {
        var plan = await app.WithDbAsync(async db =>
        {
            var sql = db.Orders.Where(o => o.PaidAt != null && o.BuyerEmailLower == "buyer@example.com").ToQueryString();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            await using var reader = await command.ExecuteReaderAsync();
            var details = new List<string>();
            while (await reader.ReadAsync()) details.Add(reader.GetString(3));
            return string.Join("\n", details);
        });

        plan.Should().Contain("USING INDEX IX_Orders_BuyerEmailLower").And.NotContain("SCAN Orders");
    }
}
