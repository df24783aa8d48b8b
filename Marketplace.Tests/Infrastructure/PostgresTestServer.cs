using Npgsql;

namespace Marketplace.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL cluster <c>./test.sh</c> starts for the run (a throwaway <c>initdb</c> on a loopback port), found
/// through <c>MARKETPLACE_TEST_POSTGRES</c> (a connection string to its maintenance database). Each test class gets
/// a database of its own, <c>test_{guid}</c>, dropped afterwards. Without the variable a PostgreSQL test fails; it
/// is never skipped.
/// </summary>
public static class PostgresTestServer
{
    /// <summary>The environment variable <c>./test.sh</c> sets.</summary>
    public const string Variable = "MARKETPLACE_TEST_POSTGRES";

    /// <summary>The maintenance connection string.</summary>
    /// <exception cref="InvalidOperationException">No server is configured.</exception>
    public static string MaintenanceConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"No PostgreSQL server for the PostgreSQL tests ({Variable} is not set): run ./test.sh, which starts PostgreSQL.");

    /// <summary>Creates an empty database <c>test_{guid}</c>; returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(MaintenanceConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing whatever still uses it.</summary>
    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(MaintenanceConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
