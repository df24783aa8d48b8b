using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Bench;

/// <summary>
/// A server started as a child process (so its memory is its own): output to a log file, ready when a GET answers
/// 200, peak resident memory read from <c>/proc/{pid}/status</c> (<c>VmHWM</c>), killed on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ChildProcess(Process process, StreamWriter log, Uri baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri BaseUrl { get; }

    public int Pid => _process.Id;

    /// <summary>Starts <c>dotnet {arguments}</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static ChildProcess Start(string arguments, string workingDirectory, IDictionary<string, string> environment, Uri baseUrl, string logFile)
    {
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, log, baseUrl);
    }

    /// <summary>Waits until GET <paramref name="path"/> answers 200 (any HTTP answer with <paramref name="anyAnswer"/>: a server without a health endpoint).</summary>
    /// <exception cref="TimeoutException">Not ready in time, or the process exited.</exception>
    public async Task WaitReadyAsync(string path, TimeSpan timeout, bool anyAnswer = false)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new TimeoutException($"the process exited with code {_process.ExitCode}");
            try
            {
                if ((await http.GetAsync(new Uri(BaseUrl, path))).StatusCode == HttpStatusCode.OK || anyAnswer) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{BaseUrl}{path} not ready within {timeout.TotalSeconds:0} s");
    }

    /// <summary>Peak resident set size so far, in bytes (<c>VmHWM</c>); 0 where <c>/proc</c> is not available.</summary>
    public long PeakWorkingSetBytes() => ReadStatusKb("VmHWM:") * 1024;

    /// <summary>Resident set size now, in bytes (<c>VmRSS</c>).</summary>
    public long WorkingSetBytes() => ReadStatusKb("VmRSS:") * 1024;

    /// <summary>Total processor time used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    private long ReadStatusKb(string key)
    {
        var path = $"/proc/{_process.Id}/status";
        if (!File.Exists(path)) return 0;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>A free loopback TCP port (taken by the OS, released at once).</summary>
    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
