using Marketplace.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_EmptySqliteFile_CreatesEveryTableWithNothingPending()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marketplace-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new SqliteMarketplaceDbContext(options))
            {
                await db.Database.MigrateAsync();

                (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
                db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a new migration for both providers");
                var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
                tables.Should().Contain(ExpectedTables(db));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public void Script_SqlServerMigrations_CreateEveryTable()
    {
        var options = new DbContextOptionsBuilder<SqlServerMarketplaceDbContext>()
            .UseSqlServer("Server=unused;Database=Marketplace;TrustServerCertificate=True").Options;
        using var db = new SqlServerMarketplaceDbContext(options);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a new migration for both providers");
        foreach (var table in ExpectedTables(db)) script.Should().Contain($"CREATE TABLE [{table}]");
        script.Should().Contain("WHERE [StripeSubscriptionId] IS NOT NULL", "a unique nullable id allows many Free subscriptions");
    }

    private static IEnumerable<string> ExpectedTables(DbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();
}
