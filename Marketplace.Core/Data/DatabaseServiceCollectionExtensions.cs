using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Data;

/// <summary>Registers <see cref="MarketplaceDbContext"/> on the configured provider.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the context for <paramref name="options"/>, pooled (<c>AddDbContextPool</c>: a request reuses a reset
    /// context and its options instead of building them; the contexts hold no state of their own). Its interceptors are
    /// every <see cref="IInterceptor"/> registered as a singleton (the email outbox's, Web's output-cache eviction; none
    /// where they are not registered, e.g. design time). <paramref name="contentRoot"/> anchors a relative <see cref="DatabaseOptions.SqliteDirectory"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A server provider is chosen and <c>ConnectionStrings:Marketplace</c> is empty.</exception>
    public static IServiceCollection AddMarketplaceDatabase(this IServiceCollection services, IConfiguration configuration,
        DatabaseOptions options, string contentRoot)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServer = ServerDatabase.ConnectionString(configuration, options.Provider);
                services.AddDbContextPool<MarketplaceDbContext, SqlServerMarketplaceDbContext>((sp, o) =>
                    o.UseSqlServer(sqlServer, s => s.EnableRetryOnFailure().MigrationsAssembly(MigrationAssemblies.SqlServer)).AddInterceptors(Interceptors(sp)));
                break;
            case DatabaseProvider.Postgres:
                var postgres = ServerDatabase.ConnectionString(configuration, options.Provider);
                services.AddDbContextPool<MarketplaceDbContext, PostgresMarketplaceDbContext>((sp, o) =>
                    o.UseNpgsql(postgres, n => n.EnableRetryOnFailure().MigrationsAssembly(MigrationAssemblies.Postgres)).AddInterceptors(Interceptors(sp)));
                break;
            default:
                var sqlite = SqliteConnectionString(options, contentRoot, "marketplace.db");
                services.AddDbContextPool<MarketplaceDbContext, SqliteMarketplaceDbContext>((sp, o) =>
                    o.UseSqlite(sqlite, s => s.MigrationsAssembly(MigrationAssemblies.Sqlite)).ConfigureWarnings(QuietSqliteMigrations)
                        .AddInterceptors([new SqlitePragmaInterceptor(), .. Interceptors(sp)]));
                break;
        }

        return services;
    }

    private static IInterceptor[] Interceptors(IServiceProvider sp) => [.. sp.GetServices<IInterceptor>()];

    /// <summary>
    /// SQLite cannot alter a column, so EF Core rebuilds the table, and it warns for every SQL statement of a migration
    /// that runs while such a rebuild is pending ("The database may not be in an expected state", 30200) and for the
    /// <c>PRAGMA foreign_keys</c> it must run outside the transaction (20410). Our migrations are checked on an empty and
    /// on a populated database (the upgrade tests), so both are logged as information, not as warnings a newcomer must
    /// wonder about on a first run.
    /// </summary>
    private static void QuietSqliteMigrations(WarningsConfigurationBuilder warnings) => warnings.Log(
        (SqliteEventId.TableRebuildPendingWarning, Microsoft.Extensions.Logging.LogLevel.Information),
        (RelationalEventId.NonTransactionalMigrationOperationWarning, Microsoft.Extensions.Logging.LogLevel.Information));

    /// <summary>
    /// A SQLite connection string for <paramref name="fileName"/> in the configured folder (created if missing):
    /// foreign keys on, 30 s busy timeout.
    /// </summary>
    public static string SqliteConnectionString(DatabaseOptions options, string contentRoot, string fileName)
    {
        var directory = Path.GetFullPath(Path.Combine(contentRoot, options.SqliteDirectory));
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, fileName),
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}
