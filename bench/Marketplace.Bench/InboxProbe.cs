using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Marketplace.Bench;

/// <summary>
/// Reads the app's webhook inbox (<c>StripeWebhookEvents</c>) as the app drains it: from its SQLite file, read-only, or
/// from its PostgreSQL database. The SQL quotes identifiers, which both engines read the same way.
/// </summary>
public sealed class InboxProbe(Func<DbConnection> connect)
{
    /// <summary>The probe of a SQLite database file, opened read-only.</summary>
    public static InboxProbe Sqlite(string databaseFile)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString();
        return new InboxProbe(() => new SqliteConnection(connectionString));
    }

    /// <summary>The probe of a PostgreSQL database.</summary>
    public static InboxProbe Postgres(string connectionString) => new(() => new Npgsql.NpgsqlConnection(connectionString));

    /// <summary>The benchmark's rows (<c>evt_bench…</c>; the Connect events of onboarding are not counted) by status (<c>Received</c>, <c>Processing</c>, <c>Processed</c>, <c>Failed</c>, <c>Ignored</c>, ...).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await ReadAsync("""SELECT "Status", COUNT(*) FROM "StripeWebhookEvents" WHERE "StripeEventId" LIKE 'evt_bench%' GROUP BY "Status" """,
            reader => counts[reader.GetString(0)] = reader.GetInt64(1));
        return counts;
    }

    /// <summary>Every row of the inbox, whatever sent it, by status.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAllByStatusAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await ReadAsync("""SELECT "Status", COUNT(*) FROM "StripeWebhookEvents" GROUP BY "Status" """, reader => counts[reader.GetString(0)] = reader.GetInt64(1));
        return counts;
    }

    /// <summary>Rows of any sender that needed more than one attempt.</summary>
    public async Task<long> AllRetriedCountAsync() => await ScalarAsync("""SELECT COUNT(*) FROM "StripeWebhookEvents" WHERE "Attempts" > 1""");

    /// <summary>The first few distinct errors of rows of any sender that ended Failed or Ignored, for the report.</summary>
    public async Task<IReadOnlyList<string>> AllErrorsAsync()
    {
        var errors = new List<string>();
        await ReadAsync("""SELECT DISTINCT "Status" || ': ' || COALESCE("LastError", '') FROM "StripeWebhookEvents" WHERE "Status" IN ('Failed') OR ("Status" = 'Ignored' AND "LastError" IS NOT NULL) LIMIT 5""",
            reader => errors.Add(reader.GetString(0)));
        return errors;
    }

    /// <summary>Rows that needed more than one attempt (a failed refetch or apply, retried by Hangfire).</summary>
    public async Task<long> RetriedCountAsync() => await ScalarAsync("""SELECT COUNT(*) FROM "StripeWebhookEvents" WHERE "StripeEventId" LIKE 'evt_bench%' AND "Attempts" > 1""");

    /// <summary>The first few distinct errors of rows not processed, for the report.</summary>
    public async Task<IReadOnlyList<string>> ErrorsAsync()
    {
        var errors = new List<string>();
        await ReadAsync("""SELECT DISTINCT "Status" || ': ' || COALESCE("LastError", '') FROM "StripeWebhookEvents" WHERE "StripeEventId" LIKE 'evt_bench%' AND "Status" <> 'Processed' LIMIT 5""",
            reader => errors.Add(reader.GetString(0)));
        return errors;
    }

    /// <summary>Creators whose subscription row carries a Stripe subscription id (linked by Checkout).</summary>
    public async Task<long> LinkedSubscriptionsAsync() =>
        await ScalarAsync("""SELECT COUNT(*) FROM "CreatorSubscriptions" WHERE "StripeSubscriptionId" IS NOT NULL""");

    private async Task ReadAsync(string sql, Action<DbDataReader> row)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) row(reader);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = connect();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
