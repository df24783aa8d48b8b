using System.Globalization;
using System.Text;

namespace Marketplace.Bench.Pages;

/// <summary>
/// The page benchmark (<c>--pages</c>): wrk against the app's public pages (<c>/pricing</c>, <c>/c/{slug}</c>, <c>/</c>)
/// and a signed-in creator's <c>/creator/subscription</c> and <c>/creator/listings</c>, then against bare Kestrel's
/// <c>/health/live</c> in the same run; writes <c>bench/results/pages-{UTC timestamp}.md</c>.
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
        var appDll = Path.Combine(Paths.AppDirectory(), "Marketplace.Web.dll");
        if (!File.Exists(appDll)) throw new FileNotFoundException("the app is not built; run through dotnet run -c Release", appDll);
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "marketplace-bench", "pages-" + runId);
        Directory.CreateDirectory(dataDirectory);
        var loadBefore = Benchmark.LoadAverage();
        var connections = options.Concurrency;
        var seconds = options.PageSeconds;
        Console.WriteLine($"Marketplace page benchmark: wrk -t2 -c{connections} -d{seconds}s, {Environment.ProcessorCount} cores, load {loadBefore}");

        var appPort = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{appPort}",
            ["Database__SqliteDirectory"] = dataDirectory,
            ["Seed__AdminEmail"] = "admin@pagebench.local",
            ["Seed__AdminPassword"] = "Admin#12345",
            ["Stripe__EmulatorUrl"] = $"http://127.0.0.1:{ChildProcess.FreePort()}",
            ["Security__IdentityPostsPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in options.AppSettings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var results = new List<PageResult>();
        await using (var app = ChildProcess.Start($"\"{appDll}\"", Paths.AppDirectory(), environment,
                         new Uri($"http://127.0.0.1:{appPort}"), Path.Combine(dataDirectory, "app.log")))
        {
            await app.WaitReadyAsync("/health/ready", TimeSpan.FromMinutes(2));
            var creator = await PageSetup.RunAsync(app.BaseUrl, runId);
            Console.WriteLine($"app ready (pid {app.Pid}); creator {creator.ShopPath}");
            (string Path, bool SignedIn)[] pages =
            [
                ("/health/live", false), ("/", false), ("/pricing", false), (creator.ShopPath, false),
                ("/creator/subscription", true), ("/creator/listings", true),
            ];
            foreach (var (path, signedIn) in pages)
            {
                var url = new Uri(app.BaseUrl, path);
                var cookie = signedIn ? creator.CookieHeader : null;
                await Wrk.RunAsync("warm-up", url, cookie, connections, WarmupSeconds);
                var result = await Wrk.RunAsync("app", url, cookie, connections, seconds);
                Console.WriteLine($"  {path}: {result.RequestsPerSecond:0} req/s, p99 {result.P99Ms:0.0} ms");
                results.Add(result);
            }
        }

        var barePort = ChildProcess.FreePort();
        await using (var bare = ChildProcess.Start($"\"{Paths.BenchDll}\" --bare-kestrel {barePort}", AppContext.BaseDirectory,
                         new Dictionary<string, string>(), new Uri($"http://127.0.0.1:{barePort}"), Path.Combine(dataDirectory, "bare.log")))
        {
            await bare.WaitReadyAsync("/health/live", TimeSpan.FromSeconds(30));
            var url = new Uri(bare.BaseUrl, "/health/live");
            await Wrk.RunAsync("warm-up", url, null, connections, WarmupSeconds);
            results.Add(await Wrk.RunAsync("bare Kestrel", url, null, connections, seconds));
        }

        var markdown = Markdown(results, connections, seconds, loadBefore, Benchmark.LoadAverage());
        var directory = options.ResultsDirectory ?? Path.Combine(Paths.RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"pages-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}.md");
        await File.WriteAllTextAsync(file, markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"results: {file}");
        return 0;
    }

    private static string Markdown(IReadOnlyList<PageResult> results, int connections, int seconds, string loadBefore, string loadAfter)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Page benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average (1/5/15 min) before: {loadBefore}, after: {loadAfter}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- commit: {BenchReport.Git("rev-parse --short HEAD")}, build {Paths.Configuration}; SQLite, Production environment, logging at Warning");
        s.AppendLine(CultureInfo.InvariantCulture, $"- `wrk -t2 -c{connections} -d{seconds}s --latency` per page after a {WarmupSeconds} s warm-up; the signed-in pages send a Free creator's cookie");
        s.AppendLine();
        s.AppendLine("| target | page | req/s | p50 ms | p90 ms | p99 ms | non-2xx | socket errors | p99 target | met |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            double? target = r.Target == "bare Kestrel" || r.Path == "/health/live" ? null : r.SignedIn ? SignedInP99Ms : PublicP99Ms;
            var met = target is null ? "" : r.P99Ms < target && r.NonSuccess == 0 ? "yes" : "**no**";
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Target} | `{r.Path}`{(r.SignedIn ? " (signed in)" : "")} | {r.RequestsPerSecond:0} | {r.P50Ms:0.0} | {r.P90Ms:0.0} | {r.P99Ms:0.0} | {r.NonSuccess} | {r.SocketErrors} | {(target is null ? "" : $"< {target} ms")} | {met} |");
        }

        return s.ToString();
    }
}
