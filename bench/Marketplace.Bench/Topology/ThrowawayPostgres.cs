using System.Diagnostics;

namespace Marketplace.Bench.Topology;

/// <summary>
/// A PostgreSQL server for one benchmark run, started the way <c>./test.sh</c> starts the tests' one: Debian's
/// <c>/usr/lib/postgresql/{15,16,…}/bin</c>, <c>initdb</c> into a temporary folder (as the <c>postgres</c> user through
/// <c>runuser</c> when the bench runs as root: the server refuses root), <c>pg_ctl start</c> on a free loopback port with
/// the socket in that folder; stopped (<c>-m immediate</c>) and removed on dispose. <c>--postgres CONNSTRING</c> uses a
/// server of one's own instead.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Connection string of database <paramref name="database"/> (user <c>postgres</c>, trust authentication).</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Maximum Pool Size=50";

    /// <summary>Initialises and starts a cluster; <c>max_connections</c> 300 (several app processes, each with pools).</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or initdb/pg_ctl failed (their output in the message).</exception>
    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed (apt-get install postgresql), or pass --postgres CONNSTRING");
        var folder = Path.Combine(Path.GetTempPath(), "marketplace-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        var port = ChildProcess.FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "--auth=trust", "-U", "postgres"]);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300", "start"]);
        return new ThrowawayPostgres(bin, folder, port);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var info = asPostgres && IsRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments]) : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}");
    }
}
