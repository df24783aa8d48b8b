using System.Globalization;
using System.Text;

namespace Marketplace.Bench.Pages;

/// <summary>
/// The page benchmark (<c>--pages</c>): wrk against the app's public pages (<c>/</c>, <c>/pricing</c>, <c>/c/{slug}</c>)
/// and a signed-in creator's <c>/creator/subscription</c> and <c>/creator/listings</c>, then against bare Kestrel's
/// <c>/health/live</c> in the same run; with <c>--baseline DIR</c> another build of the app (e.g. main's) runs beside it
/// and each page is measured on the baseline then on this build, one after the other, so both see the same machine.
/// Writes <c>bench/results/pages-{UTC timestamp}.md</c>.
/// Targets (issue 19, 2-core machine): p99 &lt; 20 ms for public pages, &lt; 40 ms signed in, at 64 connections.
/// </summary>
public static class PageBenchmark
{
    public const double PublicP99Ms = 20;
    public const double SignedInP99Ms = 40;
    private const int WarmupSeconds = 3;

    /// <summary>Runs everything; 0 when measured (targets met or not).</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var loadBefore = Benchmark.LoadAverage();
        var connections = options.Concurrency;
        var seconds = options.PageSeconds;
        Console.WriteLine($"Marketplace page benchmark: wrk -t2 -c{connections} -d{seconds}s, {Environment.ProcessorCount} cores, load {loadBefore}");

        var builds = new List<(string Name, string Directory)>();
        if (options.BaselineAppDirectory is { } baseline) builds.Add(("baseline", Path.GetFullPath(baseline)));
        builds.Add(("app", Paths.AppDirectory()));
        var apps = new List<(string Name, ChildProcess Process, PageSetup.Creator Creator)>();
        var results = new List<PageResult>();
        try
        {
            foreach (var (name, directory) in builds) apps.Add(await StartAsync(name, directory, runId, options));
            (string Path, bool SignedIn)[] pages =
            [
                ("/health/live", false), ("/", false), ("/pricing", false), ("{shop}", false),
                ("/creator/subscription", true), ("/creator/listings", true),
            ];
            foreach (var (template, signedIn) in pages)
            {
                foreach (var (name, process, creator) in apps)
                {
                    var url = new Uri(process.BaseUrl, template == "{shop}" ? creator.ShopPath : template);
                    var cookie = signedIn ? creator.CookieHeader : null;
                    await Wrk.RunAsync("warm-up", url, cookie, connections, WarmupSeconds);
                    var result = await Wrk.RunAsync(name, url, cookie, connections, seconds, process.Pid);
                    Console.WriteLine($"  {name} {url.AbsolutePath}: {result.RequestsPerSecond:0} req/s, p99 {result.P99Ms:0.0} ms, {result.CpuMsPerRequest:0.000} CPU ms/request");
                    results.Add(result);
                }
            }
        }
        finally
        {
            foreach (var app in apps) await app.Process.DisposeAsync();
        }

        var barePort = ChildProcess.FreePort();
        await using (var bare = ChildProcess.Start($"\"{Paths.BenchDll}\" --bare-kestrel {barePort}", AppContext.BaseDirectory,
                         new Dictionary<string, string>(), new Uri($"http://127.0.0.1:{barePort}"), Path.Combine(Path.GetTempPath(), $"marketplace-bench-bare-{runId}.log")))
        {
            await bare.WaitReadyAsync("/health/live", TimeSpan.FromSeconds(30));
            var url = new Uri(bare.BaseUrl, "/health/live");
            await Wrk.RunAsync("warm-up", url, null, connections, WarmupSeconds);
            results.Add(await Wrk.RunAsync("bare Kestrel", url, null, connections, seconds, bare.Pid));
        }

        var markdown = Markdown(results, builds, connections, seconds, loadBefore, Benchmark.LoadAverage());
        var resultsDirectory = options.ResultsDirectory ?? Path.Combine(Paths.RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(resultsDirectory);
        var file = Path.Combine(resultsDirectory, $"pages-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}.md");
        await File.WriteAllTextAsync(file, markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"results: {file}");
        return 0;
    }

    /// <summary>Starts one build of the app on a fresh SQLite folder and sets up its creator.</summary>
    private static async Task<(string, ChildProcess, PageSetup.Creator)> StartAsync(string name, string appDirectory, string runId, BenchOptions options)
    {
        var appDll = Path.Combine(appDirectory, "Marketplace.Web.dll");
        if (!File.Exists(appDll)) throw new FileNotFoundException("the app is not built; run through dotnet run -c Release", appDll);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "marketplace-bench", $"pages-{runId}-{name}");
        Directory.CreateDirectory(dataDirectory);
        var appPort = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{appPort}",
            ["Database__SqliteDirectory"] = dataDirectory,
            ["Seed__AdminEmail"] = "admin@pagebench.local",
            ["Seed__AdminPassword"] = "Admin#12345",
            ["Stripe__Mode"] = "Emulator", // Production without a key must ask for the emulator by name
            ["Stripe__EmulatorUrl"] = $"http://127.0.0.1:{ChildProcess.FreePort()}",
            ["Security__IdentityPostsPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in options.AppSettings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = ChildProcess.Start($"\"{appDll}\"", appDirectory, environment, new Uri($"http://127.0.0.1:{appPort}"), Path.Combine(dataDirectory, "app.log"));
        try
        {
            await process.WaitReadyAsync("/health/ready", TimeSpan.FromMinutes(2));
            var creator = await PageSetup.RunAsync(process.BaseUrl, runId,
                EmailConfirmation.Sqlite(Path.Combine(dataDirectory, "marketplace.db")));
            Console.WriteLine($"{name} ready (pid {process.Pid}, {appDirectory}); creator {creator.ShopPath}");
            return (name, process, creator);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    private static string Markdown(IReadOnlyList<PageResult> results, IReadOnlyList<(string Name, string Directory)> builds, int connections, int seconds,
        string loadBefore, string loadAfter)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Page benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average (1/5/15 min) before: {loadBefore}, after: {loadAfter}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- commit: {BenchReport.Git("rev-parse --short HEAD")}, build {Paths.Configuration}; SQLite, Production environment, logging at Warning");
        foreach (var (name, directory) in builds) s.AppendLine(CultureInfo.InvariantCulture, $"- {name}: `{directory}`");
        s.AppendLine(CultureInfo.InvariantCulture, $"- `wrk -t2 -c{connections} -d{seconds}s --timeout 10s --latency` per page after a {WarmupSeconds} s warm-up; the signed-in pages send a Free creator's cookie");
        s.AppendLine();
        s.AppendLine("- CPU ms/request: the server process's CPU time (user + system, both cores) during the run over its requests; it moves far less than latency when the machine is shared");
        s.AppendLine();
        s.AppendLine("| target | page | req/s | p50 ms | p90 ms | p99 ms | CPU ms/request | non-2xx | socket errors | p99 target | met |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            double? target = r.Target == "bare Kestrel" || r.Path == "/health/live" ? null : r.SignedIn ? SignedInP99Ms : PublicP99Ms;
            var met = target is null ? "" : r.Requests > 0 && r.P99Ms < target && r.NonSuccess == 0 && r.SocketErrors == 0 ? "yes" : "**no**";
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Target} | `{r.Path}`{(r.SignedIn ? " (signed in)" : "")} | {r.RequestsPerSecond:0} | {r.P50Ms:0.0} | {r.P90Ms:0.0} | {r.P99Ms:0.0} | {r.CpuMsPerRequest:0.000} | {r.NonSuccess} | {r.SocketErrors} | {(target is null ? "" : $"< {target} ms")} | {met} |");
        }

        return s.ToString();
    }
}
