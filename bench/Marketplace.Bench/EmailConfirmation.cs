using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Marketplace.Bench;

/// <summary>
/// Confirms a creator's address as the link of the confirmation email would, for the set-ups that then sign in on the
/// Login page (sign-up signs nobody in until the address is confirmed). The benchmark runs the app as another process,
/// so it cannot mint the link's token (the app's Data Protection keys): it sets <c>EmailConfirmed</c> in the run's own
/// database, SQLite file or PostgreSQL (the SQL quotes identifiers, which both engines read the same way).
/// </summary>
public static class EmailConfirmation
{
    /// <summary>Confirms addresses in the SQLite database file <paramref name="databaseFile"/>.</summary>
    public static Func<string, Task> Sqlite(string databaseFile) => InDatabase(() =>
        new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, DefaultTimeout = 60, Pooling = false }.ToString()));

    /// <summary>Confirms addresses in the PostgreSQL database of <paramref name="connectionString"/>.</summary>
    public static Func<string, Task> Postgres(string connectionString) => InDatabase(() => new Npgsql.NpgsqlConnection(connectionString));

    /// <exception cref="InvalidOperationException">No account has the address.</exception>
    private static Func<string, Task> InDatabase(Func<DbConnection> connect) => async email =>
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """UPDATE "AspNetUsers" SET "EmailConfirmed" = TRUE WHERE "NormalizedEmail" = @e""";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@e";
        parameter.Value = email.ToUpperInvariant();
        command.Parameters.Add(parameter);
        if (await command.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException($"no account has {email}");
    };
}
