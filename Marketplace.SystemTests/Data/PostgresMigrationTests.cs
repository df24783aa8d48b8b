using Marketplace.Core.Data;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.SystemTests.Data;

/// <summary>The PostgreSQL migrations on a real, empty PostgreSQL database (the cluster <c>./test.sh</c> starts).</summary>
public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task Migrate_EmptyPostgresDatabase_CreatesEveryTableIndexAndUtcTimestampWithNothingPending()
    {
        var connectionString = PostgresTestServer.CreateDatabase();
        try
        {
            var options = new DbContextOptionsBuilder<PostgresMarketplaceDbContext>().UsePostgresModel(connectionString).Options;
            await using var db = new PostgresMarketplaceDbContext(options);

            await db.Database.MigrateAsync();

            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a new migration for every provider");
            var tables = await db.Database.SqlQueryRaw<string>(
                "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
            tables.Should().Contain(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct());

            var uniqueIndexes = await db.Database.SqlQueryRaw<string>(
                "SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE INDEX%'").ToListAsync();
            var expected = db.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Where(i => i.IsUnique).Select(i => i.GetDatabaseName()).OfType<string>();
            uniqueIndexes.Should().Contain(expected).And.Contain("IX_CreatorSubscriptions_StripeSubscriptionId");

            var timeColumns = await db.Database.SqlQueryRaw<string>(
                "SELECT DISTINCT data_type AS \"Value\" FROM information_schema.columns WHERE table_schema = 'public' AND column_name LIKE '%At'").ToListAsync();
            timeColumns.Should().Equal("timestamp with time zone");
        }
        finally
        {
            PostgresTestServer.DropDatabase(connectionString);
        }
    }

    [Fact]
    public async Task UniqueNullableId_ManyNullsOneValue_NullsAllowedAndDuplicateRefused()
    {
        await using var app = new PostgresMarketplaceFactory();
        var first = await app.RegisterCreatorAsync();
        var second = await app.RegisterCreatorAsync(); // both on Free: StripeSubscriptionId NULL twice

        await app.WithDbAsync(async db =>
        {
            var rows = await db.CreatorSubscriptions.Where(s => s.CreatorProfileId == first || s.CreatorProfileId == second).ToListAsync();
            rows.Should().HaveCount(2).And.OnlyContain(s => s.StripeSubscriptionId == null);
            return 0;
        });
        var duplicate = () => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"CreatorSubscriptions\" SET \"StripeSubscriptionId\" = 'sub_same' WHERE \"CreatorProfileId\" IN ({0}, {1})", first, second));

        await duplicate.Should().ThrowAsync<Npgsql.PostgresException>().Where(e => e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation);
    }
}
