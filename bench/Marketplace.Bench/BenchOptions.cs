using System.Globalization;

namespace Marketplace.Bench;

/// <summary>The command line of the benchmark. Every option has a default; <c>--help</c> lists them.</summary>
public sealed record BenchOptions
{
    /// <summary>Signed billing events sent to the app (and requests sent to bare Kestrel), after the warm-up.</summary>
    public int Events { get; init; } = 20_000;

    /// <summary>Concurrent senders, each with its own request in flight; also the client's connection limit.</summary>
    public int Concurrency { get; init; } = 64;

    /// <summary>Creators set up through the real flow (register, onboard, Silver on Checkout) whose objects the events name.</summary>
    public int Creators { get; init; } = 32;

    /// <summary>Requests sent before measuring, to each target (JIT, connection pool, SQLite caches).</summary>
    public int Warmup { get; init; } = 500;

    /// <summary>Longest wait for the inbox to drain after the last acknowledgement, in seconds.</summary>
    public int DrainTimeoutSeconds { get; init; } = 1800;

    /// <summary>Extra configuration for the app, <c>Key=Value</c> (e.g. <c>Hangfire:WorkerCount=8</c>), passed as environment variables.</summary>
    public IReadOnlyDictionary<string, string> AppSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the result files go (default: <c>bench/results</c> of the repository).</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>Runs the page benchmark (wrk against the pages, <c>Pages/PageBenchmark.cs</c>) instead of the webhook one.</summary>
    public bool Pages { get; init; }

    /// <summary>How long wrk measures each page, in seconds (page benchmark).</summary>
    public int PageSeconds { get; init; } = 10;

    /// <summary>Page benchmark: the output folder of another Release build of <c>Marketplace.Web</c> (e.g. main's), measured in the same run.</summary>
    public string? BaselineAppDirectory { get; init; }
    /// <summary>The app's database: <c>sqlite</c> (one process) or <c>postgres</c> (see <see cref="Topology.AppTopology"/>).</summary>
    public string Provider { get; init; } = "sqlite";

    /// <summary>Web processes the events are spread over.</summary>
    public int Webs { get; init; } = 1;

    /// <summary>Worker processes (a Hangfire server each); 0: every web process runs its own server.</summary>
    public int Workers { get; init; }

    /// <summary>A PostgreSQL connection string to use instead of a throwaway server.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Runs the renewal storm (<c>Storm/StormBenchmark.cs</c>) with this many creators renewing at one tick.</summary>
    public int? RenewalStorm { get; init; }

    /// <summary>Storm: the emulator's rate limits, <c>live</c> (100/s per account) or <c>test</c> (25/s); 25/s per endpoint in both.</summary>
    public string StripeLimits { get; init; } = "live";

    /// <summary>Runs the file benchmark (upload and download through the app, local disk and S3, <c>Files/FileBenchmark.cs</c>).</summary>
    public bool Files { get; init; }

    /// <summary>File benchmark: the size of the file uploaded and downloaded, in MiB (default 1024: 1 GiB).</summary>
    public int FileMiB { get; init; } = 1024;

    /// <summary>Set when the process is the bare Kestrel child: the port to serve.</summary>
    public int? BareKestrelPort { get; init; }

    public const string Usage = """
        Marketplace webhook benchmark: the app (Release, the Stripe emulator standalone) against bare Kestrel on this machine.
          --events N            signed billing events to send (default 20000)
          --concurrency C       concurrent senders (default 64)
          --creators K          creators set up through Register/Connect/Checkout, whose objects the events name (default 32)
          --warmup W            requests sent first to each target and not measured (default 500)
          --drain-timeout S     seconds to wait for the inbox to drain (default 1800)
          --app Key=Value       an app setting, repeatable (e.g. --app Hangfire:WorkerCount=8)
          --results DIR         result folder (default bench/results)
          --pages               the page benchmark instead: wrk -t2 -c{concurrency} on the pages (bench/README.md)
          --files               the file benchmark instead: a file uploaded and downloaded through the app, local disk and S3 (bench/README.md)
          --file-mib N          with --files: the file's size in MiB (default 1024)
          --page-seconds S      how long wrk measures each page (default 10)
          --baseline DIR        with --pages: another build's Marketplace.Web output folder, measured page by page in the same run
          --provider P          sqlite (default, one process) or postgres (a throwaway server, as ./test.sh starts one)
          --web N               web processes, the events spread over them (default 1)
          --workers M           worker processes with a Hangfire server; webs then run none (default 0: each web runs one)
          --postgres CONNSTRING an existing PostgreSQL database instead of the throwaway server
          --renewal-storm N     the renewal-day run instead: N creators' subscriptions renew at one tick of the emulator's clock (SQLite)
          --stripe-limits L     with --renewal-storm: the emulator's rate limits, live (default) or test
        """;

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are wrong.</summary>
    public static BenchOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var options = new BenchOptions();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture) is var v && v > 0 ? v : throw new ArgumentException($"{args[i]} must be positive");
            try
            {
                options = args[i] switch
                {
                    "--events" => options with { Events = NextInt() },
                    "--concurrency" => options with { Concurrency = NextInt() },
                    "--creators" => options with { Creators = Math.Min(NextInt(), 100) },
                    "--warmup" => options with { Warmup = NextInt() },
                    "--drain-timeout" => options with { DrainTimeoutSeconds = NextInt() },
                    "--results" => options with { ResultsDirectory = Next() },
                    "--pages" => options with { Pages = true },
                    "--files" => options with { Files = true },
                    "--file-mib" => options with { FileMiB = NextInt() },
                    "--page-seconds" => options with { PageSeconds = NextInt() },
                    "--baseline" => options with { BaselineAppDirectory = Next() },
                    "--bare-kestrel" => options with { BareKestrelPort = NextInt() },
                    "--provider" => options with { Provider = Next() is var p && p is "sqlite" or "postgres" ? p : throw new ArgumentException("--provider is sqlite or postgres") },
                    "--web" => options with { Webs = NextInt() },
                    "--workers" => options with { Workers = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture) },
                    "--postgres" => options with { PostgresConnectionString = Next(), Provider = "postgres" },
                    "--renewal-storm" => options with { RenewalStorm = NextInt() },
                    "--stripe-limits" => options with { StripeLimits = Next() is var l && l is "live" or "test" ? l : throw new ArgumentException("--stripe-limits is live or test") },
                    "--app" => AddSetting(options, settings, Next()),
                    "--help" or "-h" => throw new ArgumentException(""),
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
            {
                error = ex.Message;
                return null;
            }
        }

        return options with { AppSettings = settings };
    }

    private static BenchOptions AddSetting(BenchOptions options, Dictionary<string, string> settings, string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0) throw new ArgumentException($"--app wants Key=Value, got '{pair}'");
        settings[pair[..at]] = pair[(at + 1)..];
        return options;
    }
}
