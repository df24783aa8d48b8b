using System.Globalization;
using System.Text;

namespace Marketplace.Bench.Storm;

/// <summary>The storm's figures: the one line the issue asks for, and the Markdown report written beside the others.</summary>
public sealed class StormReport
{
    public required BenchOptions Options { get; init; }

    /// <summary>Creators whose subscription renewed at the tick.</summary>
    public required int Creators { get; init; }

    /// <summary>Events the tick emitted (all delivered to the billing endpoint).</summary>
    public required long Events { get; init; }

    /// <summary>Whether every event was settled in the inbox before the drain timeout.</summary>
    public required bool Settled { get; init; }

    /// <summary>From the tick to the last event settled, seconds.</summary>
    public required double SettledSeconds { get; init; }

    public required StripeRequestFigures Stripe { get; init; }

    public required TrafficResult People { get; init; }

    /// <summary>The inbox by status at the end (every row, the storm's and any before).</summary>
    public required IReadOnlyDictionary<string, long> Inbox { get; init; }

    /// <summary>Rows that ended Failed during the storm.</summary>
    public required long Failed { get; init; }

    /// <summary>Rows that needed more than one attempt.</summary>
    public required long Retried { get; init; }

    public required IReadOnlyList<string> Errors { get; init; }

    /// <summary>The app process's CPU time (user + system) from the tick to settled, seconds.</summary>
    public required double AppCpuSeconds { get; init; }

    public required long AppPeakBytes { get; init; }

    public required string LoadBefore { get; init; }

    public required string LoadAfter { get; init; }

    public required IReadOnlyDictionary<string, string> AppEnvironment { get; init; }

    public required string DataDirectory { get; init; }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Reads per event (0 without events).</summary>
    public double ReadsPerEvent => Events == 0 ? 0 : (double)Stripe.Reads / Events;

    /// <summary><c>storm: N renewals, E events, settled in X s (floor Y s), …</c>, with the load average.</summary>
    public string Line => string.Format(Invariant,
        "storm: {0} renewals, {1} events, settled in {2:0.0} s (floor {3:0.0} s), Stripe reads per event {4:0.00}, 429 answered by the emulator {5}, " +
        "429 or 5xx seen by users {6}, buyer Buy p99 {7:0} ms, failed {8}{9} [limits {10}, load {11} → {12}]",
        Creators, Events, SettledSeconds, Stripe.FloorSeconds, ReadsPerEvent, Stripe.RateLimited, People.TooManyOr5xx, People.BuyP99, Failed,
        Settled ? "" : " (NOT SETTLED)", Options.StripeLimits, LoadBefore, LoadAfter);

    /// <summary>The report, Markdown.</summary>
    public string Markdown()
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant, $"# Renewal storm, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(Invariant, $"`dotnet run -c Release --project bench/Marketplace.Bench -- --renewal-storm {Creators} --stripe-limits {Options.StripeLimits}`");
        s.AppendLine(Invariant, $"on {Environment.ProcessorCount} cores, load average {LoadBefore} before, {LoadAfter} after; SQLite, one process (web + Hangfire server), the emulator standalone.");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine(Line);
        s.AppendLine("```");
        s.AppendLine();
        s.AppendLine("| figure | value |");
        s.AppendLine("|---|---|");
        s.AppendLine(Invariant, $"| settled ÷ floor | {(Stripe.FloorSeconds > 0 ? SettledSeconds / Stripe.FloorSeconds : 0):0.00} |");
        s.AppendLine(Invariant, $"| Stripe requests of the key during the storm | {Stripe.Requests} ({Stripe.Reads} reads answered, {Stripe.RateLimited} answered 429) |");
        foreach (var (endpoint, reads) in Stripe.ReadsByEndpoint.OrderByDescending(e => e.Value))
            s.AppendLine(Invariant, $"| reads `{endpoint}` | {reads} ({reads / StripeRequestFigures.EndpointPerSecond:0.0} s at 25/s) |");
        s.AppendLine(Invariant, $"| buyers' Buy | {People.Buys} clicks, {People.BuysOk} sent to Checkout, p50 {People.BuyP50:0} ms, p99 {People.BuyP99:0} ms |");
        s.AppendLine(Invariant, $"| creator's `/creator/subscription` | {People.Views} views, {People.ViewsOk} answered 200 |");
        s.AppendLine(Invariant, $"| 429 or 5xx seen by people | {People.TooManyOr5xx} |");
        if (People.Problems.Count > 0) s.AppendLine(Invariant, $"| first problems | {string.Join("; ", People.Problems).Replace("|", "/", StringComparison.Ordinal)} |");
        s.AppendLine(Invariant, $"| inbox at the end | {string.Join(", ", Inbox.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))} |");
        s.AppendLine(Invariant, $"| rows failed / needing a retry | {Failed} / {Retried} |");
        if (Errors.Count > 0) s.AppendLine(Invariant, $"| first errors | {string.Join("; ", Errors).Replace("|", "/", StringComparison.Ordinal)} |");
        s.AppendLine(Invariant, $"| app CPU, tick to settled | {AppCpuSeconds:0.0} s = {(Events > 0 ? AppCpuSeconds * 1000 / Events : 0):0.00} ms per event (the trickle's requests included) |");
        s.AppendLine(Invariant, $"| app peak memory | {AppPeakBytes / 1048576.0:0} MiB |");
        s.AppendLine();
        s.AppendLine("App settings: " + string.Join(", ", AppEnvironment.Where(kv => kv.Key is not ("Stripe__BillingWebhookSecret" or "Seed__AdminPassword"))
            .Select(kv => $"`{kv.Key}={kv.Value}`")));
        return s.ToString();
    }

    /// <summary>Writes <c>storm-{UTC}.md</c> in <paramref name="directory"/>; its path.</summary>
    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"storm-{DateTime.UtcNow:yyyyMMddTHHmmssZ}.md");
        File.WriteAllText(path, Markdown());
        return path;
    }
}
