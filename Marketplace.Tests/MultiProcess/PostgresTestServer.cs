using Npgsql;

namespace Marketplace.Tests.MultiProcess;

/// <summary>
/// The PostgreSQL server of the test run, which <c>./test.sh</c> starts (a throwaway cluster on a free loopback port)
/// and names in the environment variable <see cref="Variable"/> as a connection string without a database. Tests
/// create their own databases on it. A missing variable is a failure, never a skip: CI always has the server.
/// </summary>
public static class PostgresTestServer
{
    /// <summary>The environment variable holding the server's connection string, e.g. <c>Host=127.0.0.1;Port=5433;Username=postgres</c>.</summary>
    public const string Variable = "MARKETPLACE_TEST_POSTGRES";

    /// <summary>A connection string to database <paramref name="database"/> on the test server.</summary>
    /// <exception cref="InvalidOperationException">The variable is not set (the tests were not started by <c>./test.sh</c>).</exception>
    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Server()) { Database = database }.ToString();

    /// <summary>Creates an empty database (no tables).</summary>
    public static async Task CreateDatabaseAsync(string database) => await AdminAsync($"CREATE DATABASE \"{database}\"");

    /// <summary>Drops the database, closing any connection still open on it.</summary>
    public static async Task DropDatabaseAsync(string database) => await AdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Server() => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{Variable} is not set: run the tests through ./test.sh, which starts a PostgreSQL server for them.");
}
