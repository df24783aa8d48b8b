using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Marketplace.Bench;

/// <summary>The figures of one run, the issue's targets checked against them, written as Markdown and JSON.</summary>
public sealed class BenchReport
{
    public const double MinRatioToBare = 0.10;
    public const double MaxP99Ms = 100; // issue 17: at 64 senders
    public const double MinDrainPerSecond = 1_000;
    public const long MaxPeakBytes = 400L * 1024 * 1024;

    public required BenchOptions Options { get; init; }
    public required string DataDirectory { get; init; }
    public string LoadBefore { get; init; } = "";
    public string LoadAfter { get; set; } = "";
    public IDictionary<string, string> AppEnvironment { get; set; } = new Dictionary<string, string>();
    public int EventBytes { get; set; }
    public LoadResult? App { get; set; }
    public LoadResult? Bare { get; set; }
    public int WarmupErrors { get; set; }
    public DateTime? DrainedAt { get; set; }

    /// <summary>Seconds from the first measured send until every measured event was settled in the inbox.</summary>
    public double? DrainSeconds { get; set; }
    public IReadOnlyDictionary<string, long> InboxCounts { get; set; } = new Dictionary<string, long>();
    public long Retried { get; set; }
    public IReadOnlyList<string> InboxErrors { get; set; } = [];
    public long AppPeakBytes { get; set; }
    public long AppRssEndBytes { get; set; }
    public double AppCpuSeconds { get; set; }
    public long BarePeakBytes { get; set; }

    /// <summary>What ran: provider and processes (<see cref="Topology.AppTopology.Description"/>).</summary>
    public string Topology { get; set; } = "";

    /// <summary>Each app process: its role, peak resident memory, CPU seconds during the measured run.</summary>
    public IReadOnlyList<(string Process, long PeakBytes, double CpuSeconds)> ProcessPeaks { get; set; } = [];

    /// <summary>The standalone emulator's peak resident memory.</summary>
    public long EmulatorPeakBytes { get; set; }

    public double? Ratio => App is not null && Bare is not null && Bare.PerSecond > 0 ? App.PerSecond / Bare.PerSecond : null;
    public double? DrainPerSecond => DrainSeconds is > 0 ? Options.Events / DrainSeconds : null;
    public long NotProcessed => InboxCounts.Where(c => c.Key != "Processed").Sum(c => c.Value);
    public long Errors => (App?.Errors ?? 0) + WarmupErrors + NotProcessed;

    private IEnumerable<(string Target, string Measured, bool Met)> Targets()
    {
        yield return ($"ack throughput ≥ {MinRatioToBare:P0} of bare Kestrel", Ratio is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "n/a", Ratio >= MinRatioToBare);
        yield return ($"p99 ack latency < {MaxP99Ms} ms", $"{App?.P99Ms:0.0} ms", App?.P99Ms < MaxP99Ms);
        yield return ("zero errors (non-2xx, lost or failed events)", Errors.ToString(CultureInfo.InvariantCulture), Errors == 0);
        yield return ($"drain ≥ {MinDrainPerSecond:0} events/s", DrainPerSecond is { } d ? $"{d:0} events/s" : "did not drain", DrainPerSecond >= MinDrainPerSecond);
        yield return ("app peak memory < 400 MB (largest process)", $"{Mb(AppPeakBytes):0} MB", AppPeakBytes > 0 && AppPeakBytes < MaxPeakBytes);
    }

    /// <summary>The report as Markdown (also printed at the end of a run).</summary>
    public string Markdown()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# Webhook benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"- machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- load average (1/5/15 min) before: {LoadBefore}, after: {LoadAfter}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- commit: {Git("rev-parse --short HEAD")}{(Git("status --porcelain --untracked-files=no").Length > 0 ? " (with uncommitted changes)" : "")}, build {Paths.Configuration}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- app: {Topology}; the Stripe emulator standalone (peak {Mb(EmulatorPeakBytes):0} MB); per process: {string.Join(", ", ProcessPeaks.Select(p => $"{p.Process} peak {Mb(p.PeakBytes):0} MB, {p.CpuSeconds:0.0} s CPU"))}");
        s.AppendLine(CultureInfo.InvariantCulture, $"- N = {Options.Events} events (+{Options.Warmup} warm-up), C = {Options.Concurrency} senders, {Options.Creators} creators on Silver; mean body {EventBytes} B; `invoice.paid` and `customer.subscription.updated` alternating");
        s.AppendLine(CultureInfo.InvariantCulture, $"- app settings: {string.Join(", ", AppEnvironment.Where(kv => !kv.Key.StartsWith("ASPNETCORE_URLS", StringComparison.Ordinal) && !kv.Key.StartsWith("Database__", StringComparison.Ordinal)).Select(kv => $"`{kv.Key}={kv.Value}`"))}");
        s.AppendLine();
        s.AppendLine("| target | acknowledged/s | p50 ms | p99 ms | max ms | errors | elapsed s | peak memory |");
        s.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in new[] { App, Bare }.OfType<LoadResult>())
        {
            var peak = r == App ? AppPeakBytes : BarePeakBytes;
            s.AppendLine(CultureInfo.InvariantCulture, $"| {r.Target} | {r.PerSecond:0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.MaxMs:0.0} | {r.Errors}{(r.FirstError is null ? "" : $" ({r.FirstError})")} | {r.Elapsed.TotalSeconds:0.00} | {Mb(peak):0} MB |");
        }

        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Ratio app / bare Kestrel: **{Ratio?.ToString("P1", CultureInfo.InvariantCulture) ?? "n/a"}**.");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"Drain: every measured event settled {(DrainSeconds is { } ds ? $"{ds:0.00} s after the first send ({DrainPerSecond:0} events/s; {ds - App!.Elapsed.TotalSeconds:0.00} s after the last acknowledgement)" : "NOT within the timeout")}. " +
            $"Inbox: {string.Join(", ", InboxCounts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}; {Retried} needed a retry. " +
            $"App CPU during the measured run: {AppCpuSeconds:0.0} s; resident memory at the end {Mb(AppRssEndBytes):0} MB.");
        foreach (var e in InboxErrors) s.AppendLine(CultureInfo.InvariantCulture, $"- not processed: {e}");
        s.AppendLine();
        s.AppendLine("| target (issue 17, 2-core machine) | measured | met |");
        s.AppendLine("|---|---|---|");
        foreach (var (target, measured, met) in Targets()) s.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {measured} | {(met ? "yes" : "**no**")} |");
        return s.ToString();
    }

    /// <summary>Writes <c>{UTC timestamp}.md</c> and <c>.json</c> into <paramref name="directory"/>; returns their paths.</summary>
    public IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        File.WriteAllText(stem + ".md", Markdown());
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(new
        {
            utc = DateTime.UtcNow,
            cores = Environment.ProcessorCount,
            commit = Git("rev-parse HEAD"),
            loadBefore = LoadBefore,
            loadAfter = LoadAfter,
            events = Options.Events,
            concurrency = Options.Concurrency,
            warmup = Options.Warmup,
            creators = Options.Creators,
            topology = Topology,
            processes = ProcessPeaks.Select(p => new { process = p.Process, peakBytes = p.PeakBytes, cpuSeconds = p.CpuSeconds }),
            emulatorPeakBytes = EmulatorPeakBytes,
            appSettings = AppEnvironment,
            app = App,
            appPerSecond = App?.PerSecond,
            bare = Bare,
            barePerSecond = Bare?.PerSecond,
            ratio = Ratio,
            drainSeconds = DrainSeconds,
            drainPerSecond = DrainPerSecond,
            inbox = InboxCounts,
            retried = Retried,
            appPeakBytes = AppPeakBytes,
            appCpuSeconds = AppCpuSeconds,
            targets = Targets().Select(t => new { t.Target, t.Measured, t.Met }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        return [stem + ".md", stem + ".json"];
    }

    private static double Mb(long bytes) => bytes / 1024d / 1024d;

    /// <summary>The output of <c>git {arguments}</c> in the repository, or "unknown".</summary>
    internal static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = Paths.RepositoryRoot(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
