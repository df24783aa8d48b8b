using Microsoft.Data.Sqlite;

namespace Marketplace.Bench;

/// <summary>Reads the app's webhook inbox (<c>StripeWebhookEvents</c>) from its SQLite file, read-only, as the app drains it.</summary>
public sealed class InboxProbe(string databaseFile)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databaseFile,
        Mode = SqliteOpenMode.ReadOnly,
        DefaultTimeout = 30,
        Pooling = false,
    }.ToString();

    /// <summary>The benchmark's rows (<c>evt_bench…</c>; the Connect events of onboarding are not counted) by status (<c>Received</c>, <c>Processing</c>, <c>Processed</c>, <c>Failed</c>, <c>Ignored</c>, ...).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status, COUNT(*) FROM StripeWebhookEvents WHERE StripeEventId LIKE 'evt_bench%' GROUP BY Status";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>Rows that needed more than one attempt (a failed refetch or apply, retried by Hangfire).</summary>
    public async Task<long> RetriedCountAsync() => await ScalarAsync("SELECT COUNT(*) FROM StripeWebhookEvents WHERE StripeEventId LIKE 'evt_bench%' AND Attempts > 1");

    /// <summary>The first few distinct errors of rows not processed, for the report.</summary>
    public async Task<IReadOnlyList<string>> ErrorsAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT Status || ': ' || IFNULL(LastError, '') FROM StripeWebhookEvents WHERE StripeEventId LIKE 'evt_bench%' AND Status <> 'Processed' LIMIT 5";
        var errors = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) errors.Add(reader.GetString(0));
        return errors;
    }

    /// <summary>Creators whose subscription row carries a Stripe subscription id (linked by Checkout).</summary>
    public async Task<long> LinkedSubscriptionsAsync() =>
        await ScalarAsync("SELECT COUNT(*) FROM CreatorSubscriptions WHERE StripeSubscriptionId IS NOT NULL");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
