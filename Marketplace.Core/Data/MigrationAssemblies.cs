using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

/// <summary>
/// Where each provider's migrations live: one project per provider beside Core (EF Core's "migrations in a separate
/// project" layout, https://learn.microsoft.com/ef/core/managing-schemas/migrations/projects). Core keeps the model
/// (<see cref="MarketplaceDbContext"/> and its configurations); EF loads the named assembly from the app's folder when
/// it migrates, so every host that migrates (Web, the tests) references the three projects.
/// </summary>
public static class MigrationAssemblies
{
    /// <summary>The SQLite migrations (<see cref="SqliteMarketplaceDbContext"/>).</summary>
    public const string Sqlite = "Marketplace.Data.Sqlite";

    /// <summary>The PostgreSQL migrations (<see cref="PostgresMarketplaceDbContext"/>).</summary>
    public const string Postgres = "Marketplace.Data.Postgres";

    /// <summary>The SQL Server migrations (<see cref="SqlServerMarketplaceDbContext"/>).</summary>
    public const string SqlServer = "Marketplace.Data.SqlServer";

    /// <summary>Options for <see cref="SqliteMarketplaceDbContext"/> on <paramref name="connectionString"/>, with its migrations.</summary>
    public static DbContextOptionsBuilder<SqliteMarketplaceDbContext> UseSqliteModel(this DbContextOptionsBuilder<SqliteMarketplaceDbContext> builder,
        string connectionString) => builder.UseSqlite(connectionString, s => s.MigrationsAssembly(Sqlite));

    /// <summary>Options for <see cref="PostgresMarketplaceDbContext"/> on <paramref name="connectionString"/>, with its migrations.</summary>
    public static DbContextOptionsBuilder<PostgresMarketplaceDbContext> UsePostgresModel(this DbContextOptionsBuilder<PostgresMarketplaceDbContext> builder,
        string connectionString) => builder.UseNpgsql(connectionString, n => n.MigrationsAssembly(Postgres));

    /// <summary>Options for <see cref="SqlServerMarketplaceDbContext"/> on <paramref name="connectionString"/>, with its migrations.</summary>
    public static DbContextOptionsBuilder<SqlServerMarketplaceDbContext> UseSqlServerModel(this DbContextOptionsBuilder<SqlServerMarketplaceDbContext> builder,
        string connectionString) => builder.UseSqlServer(connectionString, s => s.MigrationsAssembly(SqlServer));
}
