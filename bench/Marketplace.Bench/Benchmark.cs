using System.Diagnostics;
using System.Globalization;

namespace Marketplace.Bench;

/// <summary>One benchmark run: the app, then bare Kestrel, then the result files.</summary>
public static class Benchmark
{
    private const string BillingPath = "/api/webhooks/stripe/billing";

    /// <summary>Runs everything; 0 when the run completed (targets met or not), 1 when it could not be measured.</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        if (!string.Equals(Paths.Configuration, "Release", StringComparison.Ordinal))
            Console.WriteLine($"!! built in {Paths.Configuration}: figures are not comparable; use dotnet run -c Release");
        var appDll = Path.Combine(Paths.AppDirectory(), "Marketplace.Web.dll");
        if (!File.Exists(appDll)) throw new FileNotFoundException("the app is not built; run through dotnet run -c Release", appDll);

        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "marketplace-bench", runId);
        Directory.CreateDirectory(dataDirectory);
        var report = new BenchReport { Options = options, LoadBefore = LoadAverage(), DataDirectory = dataDirectory };
        Console.WriteLine($"Marketplace webhook benchmark: N={options.Events} C={options.Concurrency}, {Environment.ProcessorCount} cores, load {report.LoadBefore}");

        var secret = "whsec_bench" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Stripe__Mode"] = "Emulator", // Production without a key must ask for the emulator by name
            ["Seed__AdminEmail"] = "admin@bench.local",
            ["Seed__AdminPassword"] = "Admin#12345",
            // Configured, so the app does not register its billing endpoint with the emulator: the inbox then holds only
            // the benchmark's events (Checkout's own events are applied by the success page, as when a webhook is late).
            ["Stripe__BillingWebhookSecret"] = secret,
            // The emulator does not throttle; the app's own limiter (20/s by default, Stripe's test-mode budget) would be the
            // whole drain rate. 1,000/s is the highest the option allows; the drain runs in the background lane, so the share
            // reserved for web requests is kept at its minimum (5 %, 950/s left to the jobs).
            ["Stripe__RequestsPerSecond"] = "1000",
            ["Stripe__InteractiveShare"] = "0.05",
            ["Security__IdentityPostsPerMinute"] = "100000", // the set-up registers every creator from one address
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Hangfire"] = "Warning",
        };
        foreach (var (key, value) in options.AppSettings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        report.AppEnvironment = environment.Where(kv => kv.Key is not ("Stripe__BillingWebhookSecret" or "Seed__AdminPassword"))
            .ToDictionary(kv => kv.Key, kv => kv.Value);

        IReadOnlyList<SignedEvent> warmup, events;

        // ---- the app: the emulator standalone, then its web and worker processes on one database
        await using (var app = await Topology.AppTopology.StartAsync(options, dataDirectory, environment))
        {
            report.Topology = app.Description;
            var web = app.Processes[0].Process;
            Console.WriteLine($"{app.Description} ready (pids {string.Join(", ", app.Processes.Select(p => $"{p.Role} {p.Process.Pid}"))}); setting up {options.Creators} creators through Register, Connect and Checkout");
            var setup = Stopwatch.StartNew();
            await CreatorSetup.RunAsync(web.BaseUrl, options.Creators, runId, app.ConfirmEmail);
            var probe = app.Probe;
            var linked = await probe.LinkedSubscriptionsAsync();
            if (linked != options.Creators) throw new InvalidOperationException($"{linked} of {options.Creators} creators have a Stripe subscription after Checkout");
            Console.WriteLine($"  {linked} creators on Silver in {setup.Elapsed.TotalSeconds:0.0} s");

            var invoices = await BillingEvents.TemplatesAsync(app.EmulatorUrl, app.ApiKey, "invoice.paid");
            var subscriptions = await BillingEvents.TemplatesAsync(app.EmulatorUrl, app.ApiKey, "customer.subscription.created");
            warmup = BillingEvents.Build(options.Warmup, $"benchwarm{runId}_", invoices, subscriptions, secret);
            events = BillingEvents.Build(options.Events, $"bench{runId}_", invoices, subscriptions, secret);
            report.EventBytes = (int)events.Average(e => e.Body.Length);
            var urls = app.WebUrls.Select(u => new Uri(u, BillingPath)).ToList();

            using var load = new LoadGenerator(options.Concurrency);
            Console.WriteLine($"  warm-up: {options.Warmup} events");
            var warm = await load.RunAsync("app warm-up", urls, warmup);
            await WaitDrainedAsync(probe, options.Warmup, TimeSpan.FromSeconds(options.DrainTimeoutSeconds));
            var cpuBefore = app.Processes.Select(p => p.Process.CpuTime()).ToList();

            Console.WriteLine($"  measuring: {options.Events} events, {options.Concurrency} senders");
            var total = options.Warmup + options.Events;
            var drainTask = WaitDrainedAsync(probe, total, TimeSpan.FromSeconds(options.DrainTimeoutSeconds));
            report.App = await load.RunAsync("app", urls, events);
            Console.WriteLine($"  acknowledged in {report.App.Elapsed.TotalSeconds:0.00} s; waiting for the inbox to drain");
            var drained = await drainTask;
            report.DrainedAt = drained.At;
            report.DrainSeconds = drained.At is { } at ? (at - report.App.StartedUtc).TotalSeconds : null;
            report.InboxCounts = drained.Counts;
            report.Retried = await probe.RetriedCountAsync();
            report.InboxErrors = await probe.ErrorsAsync();
            report.ProcessPeaks = [.. app.Processes.Select((p, i) => ($"{p.Role} {i + 1}", p.Process.PeakWorkingSetBytes(), (p.Process.CpuTime() - cpuBefore[i]).TotalSeconds))];
            report.AppPeakBytes = report.ProcessPeaks.Max(p => p.PeakBytes);
            report.AppRssEndBytes = app.Processes.Sum(p => p.Process.WorkingSetBytes());
            report.AppCpuSeconds = report.ProcessPeaks.Sum(p => p.CpuSeconds);
            report.EmulatorPeakBytes = app.EmulatorPeakBytes();
            report.WarmupErrors = warm.Errors;
        }

        // ---- bare Kestrel, same generator, same bodies
        var barePort = ChildProcess.FreePort();
        await using (var bare = ChildProcess.Start($"\"{Paths.BenchDll}\" --bare-kestrel {barePort}", AppContext.BaseDirectory,
                         new Dictionary<string, string>(), new Uri($"http://127.0.0.1:{barePort}"), Path.Combine(dataDirectory, "bare.log")))
        {
            await bare.WaitReadyAsync("/health/live", TimeSpan.FromSeconds(30));
            var url = new Uri(bare.BaseUrl, BillingPath);
            using var load = new LoadGenerator(options.Concurrency);
            Console.WriteLine($"bare Kestrel (pid {bare.Pid}): warm-up, then {options.Events} requests");
            await load.RunAsync("bare warm-up", url, warmup);
            report.Bare = await load.RunAsync("bare Kestrel", url, events);
            report.BarePeakBytes = bare.PeakWorkingSetBytes();
        }

        report.LoadAfter = LoadAverage();
        var files = report.Write(options.ResultsDirectory ?? Path.Combine(Paths.RepositoryRoot(), "bench", "results"));
        Console.WriteLine();
        Console.WriteLine(report.Markdown());
        Console.WriteLine($"results: {string.Join(", ", files)}");
        if (report.Errors == 0)
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        else
        {
            Console.WriteLine($"errors: the app's database and log are kept in {dataDirectory}");
        }

        return 0;
    }

    /// <summary>Polls the inbox until <paramref name="total"/> rows are settled (Processed, Ignored or Failed).</summary>
    private static async Task<(DateTime? At, IReadOnlyDictionary<string, long> Counts)> WaitDrainedAsync(InboxProbe probe, int total, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyDictionary<string, long> counts = new Dictionary<string, long>();
        while (DateTime.UtcNow < deadline)
        {
            counts = await probe.CountByStatusAsync();
            var settled = counts.Where(c => c.Key is "Processed" or "Ignored" or "Failed").Sum(c => c.Value);
            if (settled >= total) return (DateTime.UtcNow, counts);
            await Task.Delay(100);
        }

        return (null, counts);
    }

    /// <summary>The 1, 5 and 15 minute load averages, as <c>uptime</c> prints them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
