using System.Diagnostics;
using System.Globalization;
using Marketplace.Bench.Topology;
using Microsoft.Data.Sqlite;

namespace Marketplace.Bench.Storm;

/// <summary>
/// The renewal-day run (<c>--renewal-storm N --stripe-limits live|test</c>): N creators on a paid monthly plan (one set
/// up through the real flow, the others copied, <see cref="BulkCreators"/>), the emulator enforcing Stripe's rate limits
/// and delivering every event it emits to the app's billing endpoint; one tick of the emulator's clock renews every
/// subscription, and while the app drains the events, buyers click Buy and the creator views their subscription page
/// (<see cref="StormTraffic"/>). Prints one line and writes <c>bench/results/storm-{UTC}.md</c>.
/// </summary>
public static class StormBenchmark
{
    /// <summary>Runs the storm; 0 when it settled, 1 when the inbox did not settle within <c>--drain-timeout</c>.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var n = options.RenewalStorm ?? throw new ArgumentException("--renewal-storm N is required");
        var live = options.StripeLimits == "live";
        var accountPerSecond = live ? 100 : 25;
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "marketplace-bench", "storm" + runId);
        Directory.CreateDirectory(dataDirectory);
        var loadBefore = Benchmark.LoadAverage();
        Console.WriteLine($"renewal storm: N={n}, Stripe limits {options.StripeLimits}, {Environment.ProcessorCount} cores, load {loadBefore}");

        var secret = "whsec_storm" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Seed__AdminEmail"] = "admin@bench.local",
            ["Seed__AdminPassword"] = "Admin#12345",
            ["Stripe__BillingWebhookSecret"] = secret, // the emulator's configured endpoint signs with it
            // The account's whole limit: this one process is the only client of the account during the storm.
            ["Stripe__RequestsPerSecond"] = accountPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Security__IdentityPostsPerMinute"] = "100000",
            // Every buyer of the trickle comes from 127.0.0.1; on a real day they come from many addresses.
            ["Orders__AnonymousBuyPermitPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Hangfire"] = "Warning",
        };
        foreach (var (key, value) in options.AppSettings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var room = (n * 60 + 20_000).ToString(CultureInfo.InvariantCulture);
        IDictionary<string, string> Emulator(IReadOnlyList<Uri> webs, string apiKey) => new Dictionary<string, string>
        {
            ["StripeEmulator__RateLimits"] = options.StripeLimits,
            ["StripeEmulator__LogRequests"] = "false",
            // The tick moves the key's clock a month ahead of the app's: buyers' sessions are checked against real time.
            ["StripeEmulator__CheckoutExpiryInRealTime"] = "true",
            ["StripeEmulator__Limits__MaxObjectsPerKey"] = room,
            ["StripeEmulator__Limits__MaxEventsPerKey"] = room,
            ["StripeEmulator__Limits__MaxDeliveriesPerKey"] = room,
            ["StripeEmulator__Limits__MaxRequestsPerKey"] = room,
            ["StripeEmulator__Limits__MaxIdempotencyEntriesPerKey"] = room,
            ["StripeEmulator__WebhookEndpoints__0__ApiKey"] = apiKey,
            ["StripeEmulator__WebhookEndpoints__0__Url"] = new Uri(webs[0], "/api/webhooks/stripe/billing").ToString(),
            ["StripeEmulator__WebhookEndpoints__0__Secret"] = secret,
        };

        await using var app = await AppTopology.StartAsync(options with { Provider = "sqlite", Webs = 1, Workers = 0 }, dataDirectory, environment, Emulator);
        var web = app.Processes[0].Process;
        var databaseFile = Path.Combine(dataDirectory, "marketplace.db");
        using var stripe = new EmulatorApi(app.EmulatorUrl, app.ApiKey);

        // Set-up events are not part of the storm: the endpoint is disabled until the tick (the success page links the template).
        var endpoint = (await stripe.GetAsync("/v1/webhook_endpoints")).GetProperty("data")[0].GetProperty("id").GetString()!;
        await stripe.PostAsync($"/v1/webhook_endpoints/{endpoint}", [new("disabled", "true")]);
        var setup = Stopwatch.StartNew();
        var cookies = await CreatorSetup.OneAsync(web.BaseUrl, $"storm-{runId}-template@example.com", "Storm template creator",
            email => ExecuteAsync(databaseFile, """UPDATE "AspNetUsers" SET "EmailConfirmed" = 1 WHERE "NormalizedEmail" = $e""", email.ToUpperInvariant()));
        using (var creator = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = web.BaseUrl })
            await CreatorSetup.PostFormAsync(creator, "/creator/listings/new", "/creator/listings", new()
            {
                ["Title"] = "Storm listing", ["Description"] = "A listing bought during the renewal storm.", ["Price"] = "9.50",
                ["Currency"] = "eur", ["DeliveryNote"] = "https://example.com/download",
            }, System.Net.HttpStatusCode.Redirect);
        var listing = await StormTraffic.FirstListingAsync(web.BaseUrl, "/c/" + await TemplateSlugAsync(databaseFile));
        Console.WriteLine($"  template creator on Silver with {listing} in {setup.Elapsed.TotalSeconds:0.0} s; copying {n - 1} creators");
        var copies = await BulkCreators.RunAsync(databaseFile, stripe, n - 1, runId);
        Console.WriteLine($"  {n} creators on Silver in {setup.Elapsed.TotalSeconds:0.0} s (the set-up met {stripe.RateLimited} 429s)");
        await stripe.PostAsync($"/v1/webhook_endpoints/{endpoint}", [new("disabled", "false")]);

        // ---- the tick: every subscription's period has ended
        var template = await stripe.GetAsync($"/v1/subscriptions/{await TemplateSubscriptionAsync(databaseFile)}");
        var lastEnd = copies.Select(c => c.PeriodEnd).Append(template.GetProperty("items").GetProperty("data")[0].GetProperty("current_period_end").GetInt64()).Max();
        var inboxBefore = Settled(await app.Probe.CountAllByStatusAsync());
        var logBefore = StripeRequestFigures.Count(await stripe.ControlAsync("/_emulator/requests"));
        var cpuBefore = web.CpuTime();
        using var stop = new CancellationTokenSource();
        var traffic = StormTraffic.RunAsync(web.BaseUrl, listing, cookies, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(200), stop.Token);
        var clock = Stopwatch.StartNew();
        var tick = await stripe.ControlAsync("/_emulator/clock/advance", new { to = lastEnd + 60 });
        var events = tick.GetProperty("events").GetInt64();
        Console.WriteLine($"  tick in {clock.Elapsed.TotalSeconds:0.0} s: {events} events; draining");

        IReadOnlyDictionary<string, long> counts = new Dictionary<string, long>();
        var settled = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(options.DrainTimeoutSeconds))
        {
            counts = await app.Probe.CountAllByStatusAsync();
            if (Settled(counts).Total >= inboxBefore.Total + events)
            {
                settled = true;
                break;
            }

            await Task.Delay(250);
        }

        var settledSeconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (web.CpuTime() - cpuBefore).TotalSeconds;
        await stop.CancelAsync();
        var people = await traffic;
        var figures = StripeRequestFigures.Of(await stripe.ControlAsync("/_emulator/requests"), logBefore, accountPerSecond);
        var report = new StormReport
        {
            Options = options, Creators = n, Events = events, Settled = settled, SettledSeconds = settledSeconds, Stripe = figures, People = people,
            Inbox = counts, Failed = counts.GetValueOrDefault("Failed") - inboxBefore.Failed, Retried = await app.Probe.AllRetriedCountAsync(),
            Errors = await app.Probe.AllErrorsAsync(), AppCpuSeconds = cpuSeconds, AppPeakBytes = web.PeakWorkingSetBytes(),
            LoadBefore = loadBefore, LoadAfter = Benchmark.LoadAverage(), AppEnvironment = environment, DataDirectory = dataDirectory,
        };
        Console.WriteLine();
        Console.WriteLine(report.Markdown());
        Console.WriteLine(report.Line);
        Console.WriteLine($"results: {report.Write(options.ResultsDirectory ?? Path.Combine(Paths.RepositoryRoot(), "bench", "results"))}");
        if (!settled) Console.WriteLine($"not settled: the app's database and logs are kept in {dataDirectory}");
        return settled ? 0 : 1;
    }

    private static (long Total, long Failed) Settled(IReadOnlyDictionary<string, long> counts) =>
        (counts.Where(c => c.Key is "Processed" or "Ignored" or "Failed").Sum(c => c.Value), counts.GetValueOrDefault("Failed"));

    private static Task<string> TemplateSlugAsync(string databaseFile) =>
        ScalarAsync(databaseFile, """SELECT p."Slug" FROM "CreatorProfiles" p JOIN "CreatorSubscriptions" s ON s."CreatorProfileId" = p."Id" WHERE s."StripeSubscriptionId" IS NOT NULL""");

    private static Task<string> TemplateSubscriptionAsync(string databaseFile) =>
        ScalarAsync(databaseFile, """SELECT "StripeSubscriptionId" FROM "CreatorSubscriptions" WHERE "StripeSubscriptionId" IS NOT NULL ORDER BY "Id" LIMIT 1""");

    private static async Task ExecuteAsync(string databaseFile, string sql, string value)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, DefaultTimeout = 60, Pooling = false }.ToString());
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$e", value);
        if (await command.ExecuteNonQueryAsync() != 1) throw new InvalidOperationException($"no row for {value}: {sql}");
    }

    private static async Task<string> ScalarAsync(string databaseFile, string sql)
    {
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("no template creator in the database");
    }
}
