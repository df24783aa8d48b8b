using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Marketplace.Core.Data;

namespace Marketplace.Web.Jobs;

/// <summary>Builds the durable Hangfire storage that follows <c>Database:Provider</c>.</summary>
internal static class HangfireStorageFactory
{
    /// <summary>
    /// SQLite: <c>hangfire.db</c> beside the app's database. SQL Server: the app's database, schema <c>HangFire</c>.
    /// PostgreSQL: the app's database, schema <c>hangfire</c> (Hangfire.PostgreSql creates it), jobs fetched at once
    /// through <c>LISTEN/NOTIFY</c> (long polling) and a sliding invisibility timeout as on SQL Server.
    /// </summary>
    public static JobStorage Create(IConfiguration configuration, DatabaseOptions database, HangfireOptions hangfire, string contentRoot)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromMilliseconds(hangfire.QueuePollIntervalMs),
                EnableLongPolling = true,
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            };
            var connectionString = ServerDatabase.ConnectionString(configuration, database.Provider);
            return InstallingAlone(connectionString, () => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options));
        }

        if (database.Provider == DatabaseProvider.SqlServer)
        {
            return new SqlServerStorage(ServerDatabase.ConnectionString(configuration, database.Provider), new SqlServerStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.Zero,
                SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                DisableGlobalLocks = true,
            });
        }

        var directory = Path.GetFullPath(Path.Combine(contentRoot, database.SqliteDirectory));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "hangfire.db");
        return new SQLiteStorage(new SQLiteDbConnectionFactory(() => OpenSqlite(file)), new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(hangfire.QueuePollIntervalMs),
            InvisibilityTimeout = TimeSpan.FromSeconds(hangfire.SqliteInvisibilityTimeoutSeconds),
        });
    }

    /// <summary>
    /// Runs <paramref name="create"/> (which installs or upgrades Hangfire.PostgreSql's schema) holding a PostgreSQL
    /// session advisory lock (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS), so processes
    /// starting together install one after the other. The library's installer is not safe against itself: two processes
    /// on an empty database both ran <c>CREATE SCHEMA IF NOT EXISTS</c>, one failed on <c>pg_namespace</c>'s unique index,
    /// logged an error and stopped installing (issue 17, scenario 1). The app's own tables have their own lock
    /// (<see cref="Marketplace.Core.Data.DatabaseInitializer"/>), which lives in this storage.
    /// </summary>
    private static JobStorage InstallingAlone(string connectionString, Func<JobStorage> create)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using (var acquire = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(hashtext('marketplace:hangfire-install'))", connection))
        {
            acquire.CommandTimeout = 300;
            acquire.ExecuteNonQuery();
        }

        try
        {
            return create();
        }
        finally
        {
            using var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(hashtext('marketplace:hangfire-install'))", connection);
            release.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// A Hangfire SQLite connection as the library opens it (WAL is its default journal), plus <c>synchronous=NORMAL</c>
    /// as on the app's own database: the library commits every statement on its own, and with the default FULL each one
    /// waited for an fsync while holding the library's process-wide lock (enqueueing a job is ~6 statements). In bench/
    /// a 3,000-event run finished in 69 s instead of 103 s (drain 44 instead of 29 events/s). In WAL mode NORMAL loses no committed
    /// transaction on an app crash, only possibly the last ones on a power loss, and an inbox row without its job is
    /// enqueued again by the recovery job.
    /// </summary>
    private static SQLite.SQLiteConnection OpenSqlite(string file)
    {
        var connection = new SQLite.SQLiteConnection(file, SQLite.SQLiteOpenFlags.ReadWrite | SQLite.SQLiteOpenFlags.Create | SQLite.SQLiteOpenFlags.NoMutex,
            storeDateTimeAsTicks: true) { BusyTimeout = TimeSpan.FromSeconds(10) };
        connection.ExecuteScalar<string>("PRAGMA journal_mode=WAL");
        connection.Execute("PRAGMA synchronous=NORMAL");
        return connection;
    }
}
