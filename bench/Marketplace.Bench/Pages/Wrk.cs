using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplace.Bench.Pages;

/// <summary>
/// What one wrk run of one page measured: requests per second and the latency percentiles wrk reports; with
/// <see cref="CpuMsPerRequest"/> the server process's CPU time (user + system) over the run divided by its requests, in
/// milliseconds, a figure that moves far less than the latency when other work shares the machine.
/// </summary>
public sealed record PageResult(string Target, string Path, bool SignedIn, double RequestsPerSecond,
    double P50Ms, double P90Ms, double P99Ms, long Requests, long NonSuccess, long SocketErrors)
{
    /// <summary>The server's CPU milliseconds per request during the run; null when not measured.</summary>
    public double? CpuMsPerRequest { get; init; }
}

/// <summary>
/// Runs <c>wrk -t2 -c{C} -d{D}s --timeout 10s --latency</c> (installed on the machine; https://github.com/wg/wrk) against one URL
/// and reads its summary: <c>Requests/sec</c>, the latency distribution (50/90/99 %), <c>Non-2xx or 3xx responses</c>
/// and socket errors.
/// </summary>
public static partial class Wrk
{
    /// <summary>
    /// Measures GET <paramref name="url"/>, sending <paramref name="cookie"/> as the Cookie header when given; with
    /// <paramref name="serverPid"/>, also that process's CPU time per request.
    /// </summary>
    /// <exception cref="InvalidOperationException">wrk is missing or printed no summary.</exception>
    public static async Task<PageResult> RunAsync(string target, Uri url, string? cookie, int connections, int seconds, int? serverPid = null)
    {
        var cpuBefore = CpuTime(serverPid);
        var result = await RunWrkAsync(target, url, cookie, connections, seconds);
        var cpuAfter = CpuTime(serverPid);
        return cpuBefore is { } before && cpuAfter is { } after && result.Requests > 0
            ? result with { CpuMsPerRequest = (after - before).TotalMilliseconds / result.Requests }
            : result;
    }

    private static TimeSpan? CpuTime(int? pid)
    {
        if (pid is not { } id) return null;
        using var process = Process.GetProcessById(id);
        return process.TotalProcessorTime;
    }

    private static async Task<PageResult> RunWrkAsync(string target, Uri url, string? cookie, int connections, int seconds)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "--latency" }) info.ArgumentList.Add(arg);
        if (cookie is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add("Cookie: " + cookie);
        }

        info.ArgumentList.Add(url.ToString());
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("wrk is not installed (Debian: apt-get install wrk)", ex);
        }

        using var _ = process;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rps = Number(RequestsPerSecond(), output) ?? throw new InvalidOperationException("wrk printed no Requests/sec:\n" + output);
        return new PageResult(target, url.PathAndQuery, cookie is not null, rps,
            Percentile(output, "50%"), Percentile(output, "90%"), Percentile(output, "99%"),
            (long)(Number(RequestsTotal(), output) ?? 0), (long)(Number(NonSuccess(), output) ?? 0),
            SocketErrors().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
    }

    private static double? Number(Regex regex, string output) =>
        regex.Match(output) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A line of wrk's latency distribution, e.g. <c>99%   12.34ms</c>, in milliseconds.</summary>
    private static double Percentile(string output, string label)
    {
        var m = Regex.Match(output, @"^\s*" + Regex.Escape(label) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success) return double.NaN;
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsTotal();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();
}
