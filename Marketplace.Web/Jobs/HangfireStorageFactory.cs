using Hangfire;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Marketplace.Core.Data;

namespace Marketplace.Web.Jobs;

/// <summary>Builds the durable Hangfire storage that follows <c>Database:Provider</c>.</summary>
internal static class HangfireStorageFactory
{
    /// <summary>SQLite: <c>hangfire.db</c> beside the app's database. SQL Server: the app's database, schema <c>HangFire</c>.</summary>
    public static JobStorage Create(IConfiguration configuration, DatabaseOptions database, HangfireOptions hangfire, string contentRoot)
    {
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            return new SqlServerStorage(DatabaseServiceCollectionExtensions.SqlServerConnectionString(configuration), new SqlServerStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.Zero,
                SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                DisableGlobalLocks = true,
            });
        }

        var directory = Path.GetFullPath(Path.Combine(contentRoot, database.SqliteDirectory));
        Directory.CreateDirectory(directory);
        return new SQLiteStorage(Path.Combine(directory, "hangfire.db"), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(hangfire.QueuePollIntervalMs),
            InvisibilityTimeout = TimeSpan.FromSeconds(hangfire.SqliteInvisibilityTimeoutSeconds),
        });
    }
}
