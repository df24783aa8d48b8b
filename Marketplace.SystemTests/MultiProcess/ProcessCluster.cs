using Marketplace.Core.Data;
using Marketplace.Tests.Infrastructure;
using Marketplace.Testing.Processes;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.SystemTests.MultiProcess;

/// <summary>
/// Issue 17's deployment on one machine, every part a real OS process: one Stripe emulator standalone (one Stripe for
/// all), web replicas without a Hangfire server and worker processes with one (<see cref="AppProcess"/>, configured as
/// <c>docker-compose.yml</c> configures <c>web</c> and <c>worker</c>), all on one fresh PostgreSQL database of the test
/// run's server (<see cref="PostgresTestServer"/>, started by <c>./test.sh</c>). The test process reads the database as one more client. Each cluster
/// has its own emulator API key (the emulator's state and request log are per key) and its own log folder. Disposing
/// kills every process and drops the database.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly List<AppProcess> _processes = [];
    private int _started;

    private ProcessCluster(StandaloneEmulatorProcess emulator, string connectionString, string logDirectory)
    {
        Emulator = emulator;
        ConnectionString = connectionString;
        LogDirectory = logDirectory;
    }

    /// <summary>The standalone emulator every process talks to.</summary>
    public StandaloneEmulatorProcess Emulator { get; }

    /// <summary>This cluster's emulator key (<c>Stripe:SecretKey</c> of every process).</summary>
    public string ApiKey { get; } = $"sk_test_{Guid.NewGuid():N}"; // a key no other test uses: the emulator scopes all state by key

    /// <summary>The database every process uses (<c>ConnectionStrings:Marketplace</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>Where each process's console log is written (<c>web1.log</c>, <c>web2.log</c>, <c>worker3.log</c>, …).</summary>
    public string LogDirectory { get; }

    /// <summary>Every process started so far, in order (killed ones included).</summary>
    public IReadOnlyList<AppProcess> Processes => _processes;

    /// <summary>Starts the emulator and creates an empty database (no tables: the first app process migrates it).</summary>
    public static async Task<ProcessCluster> CreateAsync(string name)
    {
        var connectionString = PostgresTestServer.CreateDatabase();
        var logs = Path.Combine(Path.GetTempPath(), "marketplace-tests", $"cluster-{name}-{new NpgsqlConnectionStringBuilder(connectionString).Database}");
        Directory.CreateDirectory(logs);
        return new ProcessCluster(await StandaloneEmulatorProcess.StartAsync(), connectionString, logs);
    }

    /// <summary>
    /// Starts web replicas (<c>Hangfire:ServerEnabled=false</c>) and workers (a Hangfire server on every queue) at the
    /// same time and waits until each answers <c>/health/ready</c>.
    /// </summary>
    public async Task<(AppProcess[] Webs, AppProcess[] Workers)> StartAsync(int webs, int workers)
    {
        var webStarts = Enumerable.Range(0, webs).Select(_ => StartProcessAsync(WebSettings(), "web")).ToArray();
        var workerStarts = Enumerable.Range(0, workers).Select(_ => StartProcessAsync(WorkerSettings(), "worker")).ToArray();
        return (await Task.WhenAll(webStarts), await Task.WhenAll(workerStarts));
    }

    /// <summary>Starts one more process with <paramref name="settings"/>; its log is <c>{role}{n}.log</c> (n counts every start).</summary>
    public async Task<AppProcess> StartProcessAsync(IDictionary<string, string> settings, string role)
    {
        var log = Path.Combine(LogDirectory, $"{role}{Interlocked.Increment(ref _started)}.log");
        var process = await AppProcess.StartAsync(settings, log, TimeSpan.FromSeconds(180));
        lock (_processes) _processes.Add(process);
        return process;
    }

    /// <summary>A web replica: no Hangfire server (it enqueues, the workers run), the dispatcher on (every process).</summary>
    public Dictionary<string, string> WebSettings()
    {
        var settings = CommonSettings();
        settings["Hangfire:ServerEnabled"] = "false";
        return settings;
    }

    /// <summary>A worker: a Hangfire server on <paramref name="queues"/>; it also syncs the plans to Stripe at start-up.</summary>
    public Dictionary<string, string> WorkerSettings(string queues = "webhooks,default")
    {
        var settings = CommonSettings();
        settings["Hangfire:ServerEnabled"] = "true";
        settings["Hangfire:Queues"] = queues;
        settings["Stripe:SyncPricesOnStartup"] = "true";
        return settings;
    }

    /// <summary>Runs <paramref name="read"/> on a fresh context of the cluster's database (the test process as a client).</summary>
    public async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> read)
    {
        var options = new DbContextOptionsBuilder<PostgresMarketplaceDbContext>().UsePostgresModel(ConnectionString).Options;
        await using var db = new PostgresMarketplaceDbContext(options);
        return await read(db);
    }

    /// <summary>The real Stripe.net client on the cluster's emulator, with the cluster's key.</summary>
    public Stripe.StripeClient Stripe() =>
        new(ApiKey, httpClient: new Stripe.SystemNetHttpClient(new HttpClient()), apiBase: Emulator.BaseUrl.ToString().TrimEnd('/'));

    /// <summary>One scalar of raw SQL on the cluster's database (for tables outside the model, e.g. <c>__EFMigrationsHistory</c>).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Polls <paramref name="read"/> every 250 ms until <paramref name="done"/> holds or <paramref name="timeout"/> passes;
    /// returns the last value read (the caller asserts on it, so a timeout fails with what was seen).
    /// </summary>
    public async Task<T> PollAsync<T>(Func<MarketplaceDbContext, Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = await WithDbAsync(read);
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            value = await WithDbAsync(read);
        }

        return value;
    }

    /// <summary>
    /// Entries logged at Error or Critical (<c>fail:</c>, <c>crit:</c> of the console logger) by any process, with the
    /// entry's next line. One is left out: Npgsql's EF Core provider reads <c>__EFMigrationsHistory</c> before creating it
    /// on a database without it and EF Core logs that read as failed, although the migration then succeeds
    /// (https://github.com/npgsql/efcore.pg/issues/3407).
    /// </summary>
    public IReadOnlyList<string> ErrorLines() =>
        [.. _processes.SelectMany(p =>
        {
            var lines = ReadAllLines(p.LogFile);
            return lines.Select((line, i) => (line, entry: string.Join(" | ", lines.Skip(i).Take(4))))
                .Where(l => l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
                .Where(l => !(l.line.Contains("Database.Command[20102]", StringComparison.Ordinal) && l.entry.Contains("FROM \"__EFMigrationsHistory\"", StringComparison.Ordinal)))
                .Select(l => $"{Path.GetFileName(p.LogFile)}: {l.entry}");
        })];

    /// <summary>How many processes logged a line containing <paramref name="text"/>.</summary>
    public int ProcessesThatLogged(string text) => _processes.Count(p => ReadAllLines(p.LogFile).Any(l => l.Contains(text, StringComparison.Ordinal)));

    /// <summary>Every process's log tail, for assertion messages.</summary>
    public string Logs() => string.Join("\n", _processes.Select(p => $"--- {Path.GetFileName(p.LogFile)}\n{AppProcess.ReadLog(p.LogFile)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes) process.Dispose();
        Emulator.Dispose();
        await Task.Run(() => PostgresTestServer.DropDatabase(ConnectionString));
    }

    private Dictionary<string, string> CommonSettings() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Marketplace"] = ConnectionString,
        ["Seed:AdminEmail"] = MarketplaceFactory.AdminEmail,
        ["Seed:AdminPassword"] = MarketplaceFactory.AdminPassword,
        ["Stripe:Mode"] = "Stripe",
        ["Stripe:SecretKey"] = ApiKey,
        ["Stripe:ApiBase"] = Emulator.BaseUrl.ToString().TrimEnd('/'),
        ["Stripe:BillingWebhookSecret"] = StripeEventSamples.BillingSecret,
        ["Stripe:ConnectWebhookSecret"] = StripeEventSamples.ConnectSecret,
        ["Stripe:SyncPricesOnStartup"] = "false",
        ["Stripe:RequestsPerSecond"] = "1000", // the emulator does not throttle; Stripe's test-mode budget is not under test
        ["Security:IdentityPostsPerMinute"] = "100000", // every creator signs up from 127.0.0.1
        ["Security:RequireAdminTwoFactor"] = "false", // the seeded admin has no authenticator app here
        ["Hangfire:WorkerCount"] = "4",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:Marketplace.Core.Data.DatabaseInitializer"] = "Information", // "Applying N migration(s)"
    };

    private static List<string> ReadAllLines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }
}
