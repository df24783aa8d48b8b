using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Data;

/// <summary>Registers <see cref="MarketplaceDbContext"/> on the configured provider.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the context for <paramref name="options"/>. <paramref name="contentRoot"/> anchors a relative
    /// <see cref="DatabaseOptions.SqliteDirectory"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A server provider is chosen and <c>ConnectionStrings:Marketplace</c> is empty.</exception>
    public static IServiceCollection AddMarketplaceDatabase(this IServiceCollection services, IConfiguration configuration,
        DatabaseOptions options, string contentRoot)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServer = ServerDatabase.ConnectionString(configuration, options.Provider);
                services.AddDbContext<MarketplaceDbContext, SqlServerMarketplaceDbContext>(o =>
                    o.UseSqlServer(sqlServer, s => s.EnableRetryOnFailure()));
                break;
            case DatabaseProvider.Postgres:
                var postgres = ServerDatabase.ConnectionString(configuration, options.Provider);
                services.AddDbContext<MarketplaceDbContext, PostgresMarketplaceDbContext>(o =>
                    o.UseNpgsql(postgres, n => n.EnableRetryOnFailure()));
                break;
            default:
                var sqlite = SqliteConnectionString(options, contentRoot, "marketplace.db");
                services.AddDbContext<MarketplaceDbContext, SqliteMarketplaceDbContext>(o =>
                    o.UseSqlite(sqlite).AddInterceptors(new SqlitePragmaInterceptor()));
                break;
        }

        return services;
    }

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
