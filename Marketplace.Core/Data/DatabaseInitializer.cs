using Marketplace.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Data;

/// <summary>Brings the database to the current model and seeds roles, the admin and the plans, at start-up.</summary>
public sealed class DatabaseInitializer(
    MarketplaceDbContext db,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<SeedOptions> seedOptions,
    PlanSeeder planSeeder,
    IdentitySeeder identitySeeder,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Migrates (unless <see cref="DatabaseOptions.MigrateOnStartup"/> is off), then seeds. Safe to run on every start.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (databaseOptions.Value.MigrateOnStartup)
        {
            // A server database may not exist yet (PostgreSQL, SQL Server): MigrateAsync creates it, and every migration is pending.
            var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
            var pending = exists
                ? (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList()
                : db.Database.GetMigrations().ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {MigrationCount} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        await identitySeeder.SeedAsync();
        if (seedOptions.Value.Plans)
        {
            var created = await planSeeder.SeedAsync(cancellationToken);
            if (created > 0) logger.LogInformation("Seeded {SeededCount} plan(s) and price(s)", created);
        }
    }
}
