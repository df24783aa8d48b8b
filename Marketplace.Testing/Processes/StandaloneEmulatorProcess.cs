using System.Diagnostics;

namespace Marketplace.Testing.Processes;

/// <summary>
/// The emulator as its own OS process, as it is deployed beside several app processes (one Stripe for all of them):
/// <c>dotnet Marketplace.StripeEmulator.dll --urls http://127.0.0.1:0</c> from the running test assembly's folder (the test
/// project references <c>Marketplace.StripeEmulator</c>, which puts the dll there), its address
/// read from the line it prints ("Stripe emulator listening on …"), its output drained so it never blocks. Its control
/// API (<c>/_emulator/…</c>) is reached over HTTP like the Stripe API. Disposing kills it.
/// </summary>
public sealed class StandaloneEmulatorProcess : IDisposable
{
    private StandaloneEmulatorProcess(Process process, Uri baseUrl)
    {
        Process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The OS process (for signals and exit codes).</summary>
    public Process Process { get; }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:40123</c>; the Stripe API is under <c>/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts it on a free loopback port and waits until it prints its address.</summary>
    /// <exception cref="InvalidOperationException">It exited, or printed no address within 30 s.</exception>
    public static async Task<StandaloneEmulatorProcess> StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Marketplace.StripeEmulator.dll");
        var process = System.Diagnostics.Process.Start(new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        try
        {
            var baseUrl = await ReadBaseUrlAsync(process);
            _ = process.StandardOutput.ReadToEndAsync(); // keep draining the request log so the child never blocks
            _ = process.StandardError.ReadToEndAsync();
            return new StandaloneEmulatorProcess(process, new Uri(baseUrl));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>An HTTP client on the emulator authenticated with <paramref name="apiKey"/> (the key scopes all state).</summary>
    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Kills the process (and its children) and waits up to 30 s for it to exit.</summary>
    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.WaitForExit(TimeSpan.FromSeconds(30));
        Process.Dispose();
    }

    private static async Task<string> ReadBaseUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string marker = "listening on ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (line.StartsWith("Stripe emulator", StringComparison.Ordinal) && at >= 0)
                return line[(at + marker.Length)..].Split(' ')[0];
        }
        throw new InvalidOperationException("The emulator exited before printing its address: " + await process.StandardError.ReadToEndAsync());
    }
}
