using Marketplace.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Marketplace.UnitTests.Data;

public sealed class MigrationTests
{
    private const string BeforeJobIdSplit = "20261202021111_EmailOutbox";
    private const string BeforePlatinumName = "20261207123410_ListingImages";

    [Fact]
    public async Task Migrate_EmptySqliteFile_CreatesEveryTableWithNothingPending()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marketplace-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqliteModel($"Data Source={file}").Options;
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

    /// <summary>
    /// The search index's triggers (hand-written migration <c>SearchIndex</c>) outlive every later migration: SQLite drops a
    /// table's triggers when EF Core rebuilds it to alter a column, and such a migration must create them again.
    /// </summary>
    [Fact]
    public async Task Migrate_EmptySqliteFile_SearchIndexAndItsTriggersExist()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marketplace-search-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqliteModel($"Data Source={file}").Options;
            await using var db = new SqliteMarketplaceDbContext(options);
            await db.Database.MigrateAsync();

            var objects = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type IN ('table', 'trigger')").ToListAsync();

            objects.Should().Contain(["ListingSearch", "ListingSearch_Insert", "ListingSearch_Update", "ListingSearch_Delete", "ListingSearch_Shop"]);
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
            .UseSqlServerModel("Server=unused;Database=Marketplace;TrustServerCertificate=True").Options;
        using var db = new SqlServerMarketplaceDbContext(options);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a new migration for both providers");
        foreach (var table in ExpectedTables(db)) script.Should().Contain($"CREATE TABLE [{table}]");
        script.Should().Contain("WHERE [StripeSubscriptionId] IS NOT NULL", "a unique nullable id allows many Free subscriptions");
    }

    /// <summary>
    /// <c>WebhookJobIdSplit</c> on a real SQLite file: inbox rows written in the old shape (one <c>JobId</c> column holding
    /// a Hangfire job id or a claim token <c>claim:…</c>) come out split into <c>HangfireJobId</c> and <c>ClaimToken</c>,
    /// and back into one column when the migration is reverted.
    /// </summary>
    [Fact]
    public async Task Migrate_RowsWithTheOldJobId_ClaimsMoveToClaimTokenJobIdsStayAndRevertJoinsThem()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marketplace-jobid-split-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqliteModel($"Data Source={file}").Options;
            await using var db = new SqliteMarketplaceDbContext(options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(BeforeJobIdSplit);
            foreach (var (eventId, jobId) in new (string, string?)[] { ("evt_job", "4711"), ("evt_claim", "claim:0123456789abcdef"), ("evt_none", null) })
            {
                await db.Database.ExecuteSqlAsync($$"""
                    INSERT INTO StripeWebhookEvents (StripeEventId, Endpoint, Type, Livemode, StripeCreatedAt, ReceivedAt, Payload, Status, Attempts, JobId, EnqueuedAt)
                    VALUES ({{eventId}}, 'Billing', 'invoice.paid', 0, '2026-12-01 10:00:00', '2026-12-01 10:00:01', '{}', 'Received', 0, {{jobId}}, '2026-12-01 10:00:02')
                    """);
            }

            await migrator.MigrateAsync();

            var rows = await db.StripeWebhookEvents.AsNoTracking().ToDictionaryAsync(e => e.StripeEventId);
            rows["evt_job"].HangfireJobId.Should().Be("4711");
            rows["evt_job"].ClaimToken.Should().BeNull();
            rows["evt_claim"].HangfireJobId.Should().BeNull("a claim token is not a Hangfire job id");
            rows["evt_claim"].ClaimToken.Should().Be("claim:0123456789abcdef", "kept verbatim: a batch job already queued carries it");
            rows["evt_none"].HangfireJobId.Should().BeNull();
            rows["evt_none"].ClaimToken.Should().BeNull();
            rows.Values.Should().OnlyContain(e => e.EnqueuedAt == new DateTime(2026, 12, 1, 10, 0, 2));

            await migrator.MigrateAsync(BeforeJobIdSplit);

            var joined = await db.Database.SqlQueryRaw<string>(
                "SELECT StripeEventId || '=' || COALESCE(JobId, 'null') AS Value FROM StripeWebhookEvents ORDER BY StripeEventId").ToListAsync();
            joined.Should().Equal("evt_claim=claim:0123456789abcdef", "evt_job=4711", "evt_none=null");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>
    /// <c>PlatinumName</c>: the standard plan <c>PLATINIUM</c> still named "Platinium" becomes "Platinum"; a plan an admin
    /// renamed keeps its name; reverting restores the old spelling.
    /// </summary>
    [Fact]
    public async Task Migrate_PlatiniumPlanName_BecomesPlatinumUnlessAnAdminRenamedIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"marketplace-platinum-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteMarketplaceDbContext>().UseSqliteModel($"Data Source={file}").Options;
            await using var db = new SqliteMarketplaceDbContext(options);
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(BeforePlatinumName);
            foreach (var (code, name) in new[] { ("PLATINIUM", "Platinium"), ("RENAMED", "Platinium") })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO Plans (Code, Name, Description, NameFr, DescriptionFr, IsActive, SortOrder, TrialDays, CommissionRateBps, MaxListings)
                    VALUES ({code}, {name}, '', 'Platine', '', 1, 5, 0, 500, NULL)
                    """);
            }

            await migrator.MigrateAsync();

            (await PlanNamesAsync(db)).Should().Equal("PLATINIUM=Platinum", "RENAMED=Platinium");
            await migrator.MigrateAsync(BeforePlatinumName);
            (await PlanNamesAsync(db)).Should().Equal("PLATINIUM=Platinium", "RENAMED=Platinium");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static Task<List<string>> PlanNamesAsync(DbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT Code || '=' || Name AS Value FROM Plans ORDER BY Code").ToListAsync();

    private static IEnumerable<string> ExpectedTables(DbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();
}
