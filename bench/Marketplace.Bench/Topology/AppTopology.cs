namespace Marketplace.Bench.Topology;

/// <summary>One process of the app under test, with its role (<c>web</c>, <c>worker</c>, or <c>web+worker</c>).</summary>
public sealed record AppRole(string Role, ChildProcess Process);

/// <summary>
/// The app as the benchmark runs it (<c>--provider sqlite|postgres --web N --workers M</c>): the Stripe emulator
/// standalone (one Stripe for every process, <c>Marketplace.StripeEmulator.dll</c> of the same build), then N web
/// processes and M workers on one database. With <c>--workers 0</c> each web process runs its own Hangfire server
/// (the one-process app when N = 1); with workers, webs have none (<c>Hangfire:ServerEnabled=false</c>) and workers serve
/// every queue, as in <c>docker-compose.yml</c>. SQLite is one process only (its locks are per process): it allows
/// <c>--web 1 --workers 0</c> alone. PostgreSQL is a throwaway server (<see cref="ThrowawayPostgres"/>) unless
/// <c>--postgres</c> names one. All processes log to the run's folder; disposing kills them and stops the server.
/// </summary>
public sealed class AppTopology : IAsyncDisposable
{
    private readonly List<ChildProcess> _others = [];
    private ThrowawayPostgres? _postgres;

    private AppTopology(string apiKey) => ApiKey = apiKey;

    /// <summary>The emulator's API key every process uses (<c>Stripe:SecretKey</c>).</summary>
    public string ApiKey { get; }

    /// <summary>The standalone emulator's base URL.</summary>
    public Uri EmulatorUrl { get; private set; } = null!;

    /// <summary>The app's processes, webs first.</summary>
    public List<AppRole> Processes { get; } = [];

    /// <summary>The web processes' base URLs: the load generator spreads the events over them, as a load balancer would.</summary>
    public IReadOnlyList<Uri> WebUrls => [.. Processes.Where(p => p.Role != "worker").Select(p => p.Process.BaseUrl)];

    /// <summary>The inbox of the run's database.</summary>
    public InboxProbe Probe { get; private set; } = null!;

    /// <summary>Confirms a creator's address in the run's database (<see cref="EmailConfirmation"/>), so they can sign in.</summary>
    public Func<string, Task> ConfirmEmail { get; private set; } = null!;

    /// <summary>"SQLite, 1 process (web+worker)", "PostgreSQL, 2 webs + 1 worker", …</summary>
    public string Description { get; private set; } = "";

    /// <summary>
    /// Starts the emulator, the database server when needed, and every app process; waits until all are ready.
    /// <paramref name="emulatorEnvironment"/>, given the web processes' base URLs (chosen before anything starts) and the API key, adds
    /// settings to the emulator's environment (e.g. its rate limits, or a webhook endpoint pointing at the first web).
    /// </summary>
    /// <exception cref="ArgumentException">SQLite with more than one process.</exception>
    public static async Task<AppTopology> StartAsync(BenchOptions options, string dataDirectory, IDictionary<string, string> environment,
        Func<IReadOnlyList<Uri>, string, IDictionary<string, string>>? emulatorEnvironment = null)
    {
        var postgres = string.Equals(options.Provider, "postgres", StringComparison.OrdinalIgnoreCase);
        if (!postgres && (options.Webs > 1 || options.Workers > 0))
            throw new ArgumentException("SQLite is one process only: use --provider postgres for --web > 1 or --workers > 0");
        var topology = new AppTopology("sk_test_bench_" + Guid.NewGuid().ToString("N")[..16]);
        try
        {
            await topology.StartAsync(options, dataDirectory, environment, postgres, emulatorEnvironment);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(BenchOptions options, string dataDirectory, IDictionary<string, string> environment, bool postgres,
        Func<IReadOnlyList<Uri>, string, IDictionary<string, string>>? emulatorEnvironment)
    {
        var withWorkers = options.Workers > 0;
        var roles = Enumerable.Repeat(withWorkers ? "web" : "web+worker", options.Webs).Concat(Enumerable.Repeat("worker", options.Workers)).ToList();
        var urls = roles.Select(_ => new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}")).ToList();
        var emulatorSettings = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" };
        if (emulatorEnvironment is not null)
            foreach (var (key, value) in emulatorEnvironment([.. urls.Where((_, i) => roles[i] != "worker")], ApiKey)) emulatorSettings[key] = value;
        var emulatorDirectory = Path.Combine(Paths.RepositoryRoot(), "Marketplace.StripeEmulator", "bin", Paths.Configuration, "net10.0");
        EmulatorUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}");
        var emulator = ChildProcess.Start($"\"{Path.Combine(emulatorDirectory, "Marketplace.StripeEmulator.dll")}\" --urls {EmulatorUrl}", emulatorDirectory,
            emulatorSettings, EmulatorUrl, Path.Combine(dataDirectory, "emulator.log"));
        _others.Add(emulator);
        await emulator.WaitReadyAsync("/v1/events", TimeSpan.FromSeconds(60), anyAnswer: true); // 401 without a key: it listens

        var common = new Dictionary<string, string>(environment)
        {
            ["Stripe__Mode"] = "Stripe",
            ["Stripe__SecretKey"] = ApiKey,
            ["Stripe__ApiBase"] = EmulatorUrl.ToString().TrimEnd('/'),
        };
        if (postgres)
        {
            string connectionString;
            if (options.PostgresConnectionString is { } given) connectionString = given;
            else
            {
                _postgres = await ThrowawayPostgres.StartAsync();
                connectionString = _postgres.ConnectionString("marketplace");
            }

            common["Database__Provider"] = "Postgres";
            common["ConnectionStrings__Marketplace"] = connectionString;
            Probe = InboxProbe.Postgres(connectionString);
            ConfirmEmail = EmailConfirmation.Postgres(connectionString);
        }
        else
        {
            common["Database__SqliteDirectory"] = dataDirectory;
            Probe = InboxProbe.Sqlite(Path.Combine(dataDirectory, "marketplace.db"));
            ConfirmEmail = EmailConfirmation.Sqlite(Path.Combine(dataDirectory, "marketplace.db"));
        }

        for (var i = 0; i < roles.Count; i++)
        {
            var url = urls[i];
            var settings = new Dictionary<string, string>(common) { ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/') };
            if (roles[i] == "web") settings["Hangfire__ServerEnabled"] = "false";
            // One process migrates first (the others would wait on EF Core's migration lock anyway): start-up is not measured.
            var process = ChildProcess.Start($"\"{Path.Combine(Paths.AppDirectory(), "Marketplace.Web.dll")}\"", Paths.AppDirectory(), settings, url,
                Path.Combine(dataDirectory, $"{roles[i].Replace('+', '-')}{i + 1}.log"));
            Processes.Add(new AppRole(roles[i], process));
            if (i == 0) await process.WaitReadyAsync("/health/ready", TimeSpan.FromMinutes(3));
        }

        foreach (var p in Processes.Skip(1)) await p.Process.WaitReadyAsync("/health/ready", TimeSpan.FromMinutes(3));
        Description = $"{(postgres ? "PostgreSQL" : "SQLite")}, " + (withWorkers
            ? $"{options.Webs} web{(options.Webs == 1 ? "" : "s")} + {options.Workers} worker{(options.Workers == 1 ? "" : "s")}"
            : $"{options.Webs} process{(options.Webs == 1 ? "" : "es")} (web + Hangfire server)");
    }

    /// <summary>The emulator's peak resident memory, in bytes.</summary>
    public long EmulatorPeakBytes() => _others.Count > 0 ? _others[0].PeakWorkingSetBytes() : 0;

    public async ValueTask DisposeAsync()
    {
        foreach (var p in Processes) await p.Process.DisposeAsync();
        foreach (var p in _others) await p.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
