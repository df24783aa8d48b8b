using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.SystemTests.Reliability;

/// <summary>
/// <c>Marketplace.Web</c> as a real second OS process: <c>dotnet Marketplace.Web.dll</c> from the web project's build
/// output (same configuration as the tests), Kestrel on a free loopback port, configured only through environment
/// variables (<c>Section__Key</c>, as in production). Its console output goes to a log file for diagnostics.
/// Disposing kills it.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(Process process, StreamWriter log, Uri url, string logFile)
    {
        _process = process;
        _log = log;
        Url = url;
        LogFile = logFile;
    }

    /// <summary>Where the process listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>The process's console output (stdout and stderr).</summary>
    public string LogFile { get; }

    /// <summary>True while the OS process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>
    /// Starts the app with <paramref name="settings"/> (configuration keys, e.g. <c>Hangfire:Queues</c>) and waits until
    /// <c>/health/ready</c> answers 200.
    /// </summary>
    /// <exception cref="TimeoutException">Not ready within <paramref name="startTimeout"/>; the message holds its log.</exception>
    public static async Task<AppProcess> StartAsync(IDictionary<string, string> settings, string logFile, TimeSpan startTimeout)
    {
        var dll = WebAssemblyPath();
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // content root: appsettings.json beside the binaries
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = url.ToString();
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => Write(log, "<process exited>");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, log, url, logFile);

        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + startTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return app;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        app.Dispose();
        throw new TimeoutException($"Marketplace.Web did not become ready at {url}.\n{ReadLog(logFile)}");
    }

    /// <summary>
    /// Sends SIGTERM (what <c>docker stop</c> and systemd send) and waits up to <paramref name="timeout"/>: how long the
    /// process took to exit, or null when it still ran at the deadline (it is left running; disposing kills it).
    /// </summary>
    public Task<TimeSpan?> TerminateAsync(TimeSpan timeout) => Testing.Processes.PosixSignals.TerminateAndWaitAsync(_process, timeout);

    /// <summary>The exit code, once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Kills the process and all it started, at once (no graceful shutdown), and waits for it to be gone.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    /// <summary>The log's text, shared-read so it works while the process writes.</summary>
    public static string ReadLog(string logFile)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        return text.Length > 6000 ? text[^6000..] : text;
    }

    /// <summary>
    /// <c>Marketplace.Web/bin/{Configuration}/net10.0/Marketplace.Web.dll</c>, found from this test assembly's own
    /// <c>Marketplace.Tests/bin/{Configuration}/net10.0/</c> folder.
    /// </summary>
    private static string WebAssemblyPath()
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(testBin);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testBin)!);
        var repository = Path.GetFullPath(Path.Combine(testBin, "..", "..", "..", ".."));
        var dll = Path.Combine(repository, "Marketplace.Web", "bin", configuration, framework, "Marketplace.Web.dll");
        if (!System.IO.File.Exists(dll)) throw new FileNotFoundException("Build Marketplace.Web first (the tests project builds it).", dll);
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Output after the test finished.
            }
        }
    }
}
