using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Marketplace.Bench.Storm;

/// <summary>
/// Makes many creators on a paid monthly plan without N browser flows: one template creator set up through the real
/// flow (<see cref="CreatorSetup"/>) is copied in the app's SQLite database (its Identity user, role, profile and
/// subscription row, with new ids, email and slug), and each copy gets its own Stripe Customer and Subscription in
/// the emulator through its API (a customer, a subscription-mode Checkout Session on the template's price with
/// <c>subscription_data[metadata][creator_id]</c>, paid on the hosted page with card 4242). The copies' rows are then
/// linked to their subscriptions, as the Checkout success page would have done.
/// </summary>
public static class BulkCreators
{
    /// <summary>The copies made: the creator profile id, and its Stripe subscription's current period end (Unix seconds).</summary>
    public sealed record Copy(int CreatorProfileId, string CustomerId, string SubscriptionId, long PeriodEnd);

    /// <summary>
    /// Makes <paramref name="count"/> copies of the only creator with a Stripe subscription in <paramref name="databaseFile"/>,
    /// <paramref name="parallelism"/> emulator flows at a time.
    /// </summary>
    /// <exception cref="InvalidOperationException">No template, or the emulator did not make a subscription for a copy.</exception>
    public static async Task<IReadOnlyList<Copy>> RunAsync(string databaseFile, EmulatorApi stripe, int count, string runId, int parallelism = 8)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, DefaultTimeout = 60, Pooling = false }.ToString());
        await db.OpenAsync();
        var (templateProfile, templateUser, templateSubscription) = await TemplateAsync(db);
        var subscription = await stripe.GetAsync($"/v1/subscriptions/{templateSubscription}");
        var price = subscription.GetProperty("items").GetProperty("data")[0].GetProperty("price").GetProperty("id").GetString()!;

        var profiles = await CloneRowsAsync(db, templateProfile, templateUser, count, runId);
        var copies = new Copy[count];
        using var gate = new SemaphoreSlim(parallelism);
        await Task.WhenAll(profiles.Select(async (profileId, i) =>
        {
            await gate.WaitAsync();
            try
            {
                copies[i] = await SubscribeAsync(stripe, profileId, price, $"storm-{runId}-{i}@example.com");
            }
            finally
            {
                gate.Release();
            }
        }));

        await using (var link = db.BeginTransaction())
        {
            foreach (var copy in copies)
                await ExecuteAsync(db, link, """UPDATE "CreatorSubscriptions" SET "StripeCustomerId" = $c, "StripeSubscriptionId" = $s WHERE "CreatorProfileId" = $p""",
                    ("$c", copy.CustomerId), ("$s", copy.SubscriptionId), ("$p", copy.CreatorProfileId));
            await link.CommitAsync();
        }

        return copies;
    }

    private static async Task<Copy> SubscribeAsync(EmulatorApi stripe, int profileId, string price, string email)
    {
        var creatorId = profileId.ToString(CultureInfo.InvariantCulture);
        var customer = (await stripe.PostAsync("/v1/customers", [new("email", email), new("metadata[creator_id]", creatorId)])).GetProperty("id").GetString()!;
        var session = await stripe.PostAsync("/v1/checkout/sessions",
        [
            new("mode", "subscription"), new("customer", customer),
            new("line_items[0][price]", price), new("line_items[0][quantity]", "1"),
            new("success_url", "http://127.0.0.1/storm/success?session_id={CHECKOUT_SESSION_ID}"), new("cancel_url", "http://127.0.0.1/storm/cancel"),
            new("metadata[creator_id]", creatorId), new("subscription_data[metadata][creator_id]", creatorId),
        ]);
        await stripe.SubmitPageAsync(new Uri(session.GetProperty("url").GetString()!), [new("card_number", "4242424242424242"), new("email", email)]);
        var paid = await stripe.GetAsync($"/v1/checkout/sessions/{session.GetProperty("id").GetString()}?expand[]=subscription");
        var subscription = paid.GetProperty("subscription");
        if (subscription.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"Checkout made no subscription for creator {profileId}");
        var periodEnd = subscription.GetProperty("items").GetProperty("data")[0].GetProperty("current_period_end").GetInt64();
        return new Copy(profileId, customer, subscription.GetProperty("id").GetString()!, periodEnd);
    }

    private static async Task<(int Profile, string User, string Subscription)> TemplateAsync(SqliteConnection db)
    {
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT p."Id", p."UserId", s."StripeSubscriptionId" FROM "CreatorSubscriptions" s JOIN "CreatorProfiles" p ON p."Id" = s."CreatorProfileId"
            WHERE s."StripeSubscriptionId" IS NOT NULL
            """;
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("no creator with a Stripe subscription to copy");
        var template = (reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
        if (await reader.ReadAsync()) throw new InvalidOperationException("more than one creator with a Stripe subscription: which one to copy?");
        return template;
    }

    /// <summary>Copies the template's user, roles, profile and subscription row <paramref name="count"/> times in one transaction; the new profile ids.</summary>
    private static async Task<List<int>> CloneRowsAsync(SqliteConnection db, int templateProfile, string templateUser, int count, string runId)
    {
        var users = await ColumnsAsync(db, "AspNetUsers");
        var profiles = await ColumnsAsync(db, "CreatorProfiles");
        var subscriptions = await ColumnsAsync(db, "CreatorSubscriptions");
        var ids = new List<int>(count);
        await using var transaction = db.BeginTransaction();
        for (var i = 0; i < count; i++)
        {
            var userId = Guid.NewGuid().ToString();
            var email = $"storm-{runId}-{i}@example.com";
            await CopyAsync(db, transaction, "AspNetUsers", users, """ "Id" = $template """, templateUser, new()
            {
                ["Id"] = userId, ["UserName"] = email, ["NormalizedUserName"] = email.ToUpperInvariant(), ["Email"] = email,
                ["NormalizedEmail"] = email.ToUpperInvariant(), ["SecurityStamp"] = Guid.NewGuid().ToString("N"), ["ConcurrencyStamp"] = Guid.NewGuid().ToString(),
            });
            await ExecuteAsync(db, transaction, """INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") SELECT $u, "RoleId" FROM "AspNetUserRoles" WHERE "UserId" = $t""",
                ("$u", userId), ("$t", templateUser));
            await CopyAsync(db, transaction, "CreatorProfiles", profiles.Where(c => c != "Id").ToList(), """ "Id" = $template """, templateProfile, new()
            {
                ["UserId"] = userId, ["DisplayName"] = $"Storm creator {i}", ["Slug"] = $"storm{runId}-{i}",
            });
            var profileId = Convert.ToInt32(await ScalarAsync(db, transaction, "SELECT last_insert_rowid()"), CultureInfo.InvariantCulture);
            await CopyAsync(db, transaction, "CreatorSubscriptions", subscriptions.Where(c => c != "Id").ToList(), """ "CreatorProfileId" = $template """, templateProfile, new()
            {
                ["CreatorProfileId"] = profileId, ["StripeCustomerId"] = null, ["StripeSubscriptionId"] = null,
            });
            ids.Add(profileId);
        }

        await transaction.CommitAsync();
        return ids;
    }

    /// <summary><c>INSERT INTO table (columns) SELECT (column, or a parameter for the overridden ones) FROM table WHERE …</c>.</summary>
    private static async Task CopyAsync(SqliteConnection db, SqliteTransaction transaction, string table, IReadOnlyList<string> columns, string where,
        object template, Dictionary<string, object?> overrides)
    {
        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        var select = columns.Select((c, i) => overrides.ContainsKey(c) ? $"$p{i}" : $"\"{c}\"");
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", select)} FROM \"{table}\" WHERE {where}";
        for (var i = 0; i < columns.Count; i++)
            if (overrides.TryGetValue(columns[i], out var value)) command.Parameters.AddWithValue($"$p{i}", value ?? DBNull.Value);
        command.Parameters.AddWithValue("$template", template);
        if (await command.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException($"copying the template's {table} row inserted no row");
    }

    private static async Task<List<string>> ColumnsAsync(SqliteConnection db, string table)
    {
        var columns = new List<string>();
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task ExecuteAsync(SqliteConnection db, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection db, SqliteTransaction transaction, string sql)
    {
        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
