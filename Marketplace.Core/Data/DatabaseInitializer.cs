using Marketplace.Locking;
using Marketplace.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Data;

/// <summary>
/// Brings the database to the current model and seeds roles, the admin and the plans, at start-up. Several processes
/// may start together on one server database (web replicas and a worker): the whole of it runs under one
/// <see cref="IDistributedLocks"/> lock (SQL Server: Hangfire's storage lock; PostgreSQL: an advisory lock), so one
/// process migrates and seeds while the others wait, then find nothing left to do. Without it, the
/// seeders raced (two inserts of the admin, of the plans: unique violations, a process that never became ready) and
/// EF Core logged failed reads of a history table being created.
/// </summary>
public sealed class DatabaseInitializer(
    MarketplaceDbContext db,
    IServiceProvider services,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<SeedOptions> seedOptions,
    PlanSeeder planSeeder,
    IdentitySeeder identitySeeder,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Migrates (unless <see cref="DatabaseOptions.MigrateOnStartup"/> is off), then seeds. Safe to run on every start.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (databaseOptions.Value.Provider.IsServer() && databaseOptions.Value.MigrateOnStartup)
            await CreateDatabaseIfMissingAsync(cancellationToken); // the lock lives in it

        // Resolved only now: on SQL Server, the lock's Hangfire storage installs its schema in the database on first use.
        using (await services.GetRequiredService<IDistributedLocks>().AcquireAsync("database-initializer", TimeSpan.FromMinutes(5), cancellationToken))
            await MigrateAndSeedAsync(cancellationToken);
    }

    /// <summary>Creates the server database when it does not exist; another process creating it at the same moment is fine.</summary>
    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken)) return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            if (!await creator.ExistsAsync(cancellationToken)) throw;
            // Created by another process between the check and ours.
        }
    }

    private async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
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
        var categories = await services.GetRequiredService<Categories.CategoryCatalogue>().SeedAsync(cancellationToken);
        if (categories > 0) logger.LogInformation("Seeded {SeededCount} categories", categories);
        if (seedOptions.Value.Plans)
        {
            var created = await planSeeder.SeedAsync(cancellationToken);
            if (created > 0) logger.LogInformation("Seeded {SeededCount} plan(s) and price(s)", created);
        }
    }
}
