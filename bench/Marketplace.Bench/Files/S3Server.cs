using System.Diagnostics;

namespace Marketplace.Bench.Files;

/// <summary>
/// A throwaway S3-compatible server for the file benchmark, started as <c>./test.sh</c> starts it: s3rver from
/// <c>tools/s3</c> (run <c>npm ci</c> there first) on a free loopback port, bucket <c>marketplace-bench</c>, data in a
/// folder under the benchmark's work folder; killed on dispose.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    private const string Bucket = "marketplace-bench";
    private readonly Process _process;

    private S3Server(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The server's URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; }

    /// <summary>Starts the server and waits until its port answers.</summary>
    /// <exception cref="FileNotFoundException">s3rver is not installed under <c>tools/s3</c>.</exception>
    /// <exception cref="TimeoutException">It did not listen within 30 seconds.</exception>
    public static async Task<S3Server> StartAsync(string work)
    {
        var s3rver = Path.Combine(Paths.RepositoryRoot(), "tools", "s3", "node_modules", ".bin", "s3rver");
        if (!File.Exists(s3rver)) throw new FileNotFoundException("s3rver is not installed: run npm ci in tools/s3", s3rver);
        var port = ChildProcess.FreePort();
        var data = Path.Combine(work, "s3");
        Directory.CreateDirectory(data);
        var info = new ProcessStartInfo(s3rver, $"-d \"{data}\" -a 127.0.0.1 -p {port} --silent --configure-bucket {Bucket}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("s3rver did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3Server(process, new Uri($"http://127.0.0.1:{port}"));
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (System.Net.Sockets.SocketException) when (!process.HasExited)
            {
                await Task.Delay(100);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException("s3rver did not listen within 30 s");
    }

    /// <summary>The app's environment for <c>Files:Provider=S3</c> on this server (s3rver's keys, path-style URLs).</summary>
    public Dictionary<string, string> AppSettings() => new()
    {
        ["Files__Provider"] = "S3",
        ["Files__S3__ServiceUrl"] = Url.ToString().TrimEnd('/'),
        ["Files__S3__Bucket"] = Bucket,
        ["Files__S3__Region"] = "us-east-1",
        ["Files__S3__AccessKeyId"] = "S3RVER",
        ["Files__S3__SecretAccessKey"] = "S3RVER",
        ["Files__S3__ForcePathStyle"] = "true",
    };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
