using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Bench.Files;

/// <summary>
/// The file benchmark (<c>--files</c>): one file of <see cref="BenchOptions.FileMiB"/> MiB (random bytes) uploaded
/// through the listing's files page and downloaded through a paid order's link, with <c>curl</c> as the client, on the
/// app with <c>Files:Provider=Local</c> and then on a fresh app with <c>Files:Provider=S3</c> against a throwaway
/// s3rver (<c>tools/s3</c>, started as <c>./test.sh</c> does). Beside them, in the same run: <c>cp</c> of the file and
/// <c>curl</c> up to and down from bare Kestrel (the machine's limit for one HTTP stream). Each app runs in its own
/// process, so its peak resident memory (<c>VmHWM</c>) is its own. Writes <c>bench/results/files-{UTC timestamp}.md</c>.
/// Goal: app peak memory under 400 MB, throughput at least half of curl's.
/// </summary>
public static class FileBenchmark
{
    private const double PeakMemoryGoalMb = 400;

    private sealed record Row(string Target, string Operation, long Bytes, double Seconds, long? PeakRssBytes, string Note)
    {
        public double MbPerSecond => Bytes / 1e6 / Seconds;
    }

    /// <summary>Runs everything; 0 when measured (goals met or not).</summary>
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var runId = TimeProvider.System.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var loadBefore = Benchmark.LoadAverage();
        var work = Path.Combine(Path.GetTempPath(), "marketplace-bench", $"files-{runId}");
        Directory.CreateDirectory(work);
        var bytes = (long)options.FileMiB * 1024 * 1024;
        Console.WriteLine($"Marketplace file benchmark: {options.FileMiB} MiB, {Environment.ProcessorCount} cores, load {loadBefore}, in {work}");
        var rows = new List<Row>();
        try
        {
            var source = Path.Combine(work, "source.bin");
            var sha = await WriteRandomFileAsync(source, bytes);
            var copy = Path.Combine(work, "copy.bin");
            rows.Add(new Row("cp", "copy", bytes, await TimeAsync("cp", $"\"{source}\" \"{copy}\""), null, "disk to disk"));
            File.Delete(copy);
            rows.AddRange(await BareKestrelAsync(source, bytes, work, runId));
            rows.AddRange(await AppAsync("app, local disk", source, sha, bytes, work, runId, new Dictionary<string, string>(), options));
            await using (var s3 = await S3Server.StartAsync(work))
                rows.AddRange(await AppAsync("app, S3 (s3rver)", source, sha, bytes, work, runId, s3.AppSettings(), options));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        var markdown = Markdown(rows, options.FileMiB, loadBefore, Benchmark.LoadAverage());
        var resultsDirectory = options.ResultsDirectory ?? Path.Combine(Paths.RepositoryRoot(), "bench", "results");
        Directory.CreateDirectory(resultsDirectory);
        var file = Path.Combine(resultsDirectory, $"files-{TimeProvider.System.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.md");
        await File.WriteAllTextAsync(file, markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"results: {file}");
        return 0;
    }

    private static async Task<IEnumerable<Row>> BareKestrelAsync(string source, long bytes, string work, string runId)
    {
        var port = ChildProcess.FreePort();
        var uploaded = Path.Combine(work, "bare-upload.bin");
        await using var bare = ChildProcess.Start($"\"{Paths.BenchDll}\" --bare-kestrel {port}", AppContext.BaseDirectory,
            new Dictionary<string, string> { ["BENCH_UPLOAD_TO"] = uploaded, ["BENCH_FILE"] = source },
            new Uri($"http://127.0.0.1:{port}"), Path.Combine(work, $"bare-{runId}.log"));
        await bare.WaitReadyAsync("/health/live", TimeSpan.FromSeconds(60));
        var up = await TimeAsync("curl", $"-sS -f -o /dev/null -X POST -H \"Expect:\" -T \"{source}\" {bare.BaseUrl}bench/upload");
        File.Delete(uploaded);
        var down = await TimeAsync("curl", $"-sS -f -o \"{Path.Combine(work, "bare-download.bin")}\" {bare.BaseUrl}bench/file");
        File.Delete(Path.Combine(work, "bare-download.bin"));
        var peak = bare.PeakWorkingSetBytes();
        return [new Row("curl ↔ bare Kestrel", "upload", bytes, up, peak, "body streamed to a file"), new Row("curl ↔ bare Kestrel", "download", bytes, down, peak, "sendfile")];
    }

    private static async Task<IEnumerable<Row>> AppAsync(string target, string source, string sha, long bytes, string work, string runId,
        Dictionary<string, string> store, BenchOptions options)
    {
        var dataDirectory = Path.Combine(work, "app-" + (store.Count == 0 ? "local" : "s3"));
        Directory.CreateDirectory(dataDirectory);
        var appDirectory = Paths.AppDirectory();
        var appPort = ChildProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{appPort}",
            ["Database__SqliteDirectory"] = dataDirectory,
            ["Files__LocalDirectory"] = Path.Combine(dataDirectory, "files"),
            ["Listings__ImageDirectory"] = Path.Combine(dataDirectory, "images"),
            ["Listings__StorageBytesByPlan__FREE"] = (4 * bytes).ToString(CultureInfo.InvariantCulture),
            ["Listings__MaxFileBytes"] = (2 * bytes).ToString(CultureInfo.InvariantCulture),
            ["Seed__AdminEmail"] = "admin@filebench.local",
            ["Seed__AdminPassword"] = "Admin#12345",
            ["Stripe__Mode"] = "Emulator",
            ["Stripe__EmulatorUrl"] = $"http://127.0.0.1:{ChildProcess.FreePort()}",
            ["Security__IdentityPostsPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in store) environment[key] = value;
        foreach (var (key, value) in options.AppSettings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        await using var app = ChildProcess.Start($"\"{Path.Combine(appDirectory, "Marketplace.Web.dll")}\"", appDirectory, environment,
            new Uri($"http://127.0.0.1:{appPort}"), Path.Combine(Path.GetTempPath(), $"marketplace-bench-files-{runId}-{(store.Count == 0 ? "local" : "s3")}.log"));
        await app.WaitReadyAsync("/health/ready", TimeSpan.FromMinutes(2));
        var creator = await FileSetup.CreatorAsync(app.BaseUrl, Path.Combine(dataDirectory, "marketplace.db"), runId);
        var beforeUpload = app.PeakWorkingSetBytes();
        Console.WriteLine($"{target}: ready (pid {app.Pid}), peak {beforeUpload / 1e6:0} MB before the upload");

        var up = await TimeAsync("curl", $"-sS -o /dev/null -w \"%{{http_code}}\" -H \"Cookie: {creator.CookieHeader}\" "
            + $"-F \"__RequestVerificationToken={creator.Token}\" -F \"file=@{source};type=application/pdf;filename=bench.pdf\" {app.BaseUrl}{creator.FilesPath.TrimStart('/')}",
            expectOutput: "302");
        var afterUpload = app.PeakWorkingSetBytes();
        if (!(await FileSetup.FilesPageAsync(app.BaseUrl, creator)).Contains(sha, StringComparison.Ordinal))
            throw new InvalidOperationException($"{target}: the files page does not show the file's SHA-256 {sha}");
        var link = await FileSetup.BuyAsync(app.BaseUrl, creator);
        var downloaded = Path.Combine(work, "download.bin");
        var down = await TimeAsync("curl", $"-sS -f -L -o \"{downloaded}\" \"{link}\"");
        var peak = app.PeakWorkingSetBytes();
        var same = await Sha256Async(downloaded) == sha;
        File.Delete(downloaded);
        if (!same) throw new InvalidOperationException($"{target}: the download is not the uploaded file");
        Console.WriteLine($"{target}: upload {bytes / 1e6 / up:0} MB/s (peak {afterUpload / 1e6:0} MB), download {bytes / 1e6 / down:0} MB/s (peak {peak / 1e6:0} MB)");
        var downloadNote = store.Count == 0 ? "served by the app (signed link)" : "our link, then 302 to a presigned GET on s3rver";
        return [new Row(target, "upload", bytes, up, afterUpload, $"multipart POST, SHA-256 checked; peak before: {beforeUpload / 1e6:0} MB"),
            new Row(target, "download", bytes, down, peak, downloadNote + ", SHA-256 checked")];
    }

    /// <summary>Writes <paramref name="bytes"/> random bytes starting with a PDF header; returns their SHA-256 (lower-case hex).</summary>
    private static async Task<string> WriteRandomFileAsync(string path, long bytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1024 * 1024];
        await using (var file = File.Create(path))
        {
            for (long written = 0; written < bytes; written += buffer.Length)
            {
                RandomNumberGenerator.Fill(buffer);
                if (written == 0) "%PDF-1.7\n"u8.CopyTo(buffer);
                var count = (int)Math.Min(buffer.Length, bytes - written);
                sha.AppendData(buffer, 0, count);
                await file.WriteAsync(buffer.AsMemory(0, count));
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task<string> Sha256Async(string path)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
    }

    /// <summary>Runs <paramref name="program"/> to its end; its wall-clock seconds.</summary>
    /// <exception cref="InvalidOperationException">It failed, or printed something else than <paramref name="expectOutput"/>.</exception>
    private static async Task<double> TimeAsync(string program, string arguments, string? expectOutput = null)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0 || (expectOutput is not null && (await output).Trim() != expectOutput))
            throw new InvalidOperationException($"{program} {arguments}: exit {process.ExitCode}, {(await output).Trim()} {await error}");
        return seconds;
    }

    private static string Markdown(List<Row> rows, int mib, string loadBefore, string loadAfter)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"# File benchmark, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"{mib} MiB of random bytes, curl as the client, {Environment.ProcessorCount} cores, load average {loadBefore} before, {loadAfter} after (other work shares the machine).");
        s.AppendLine("MB/s is 10^6 bytes per second, wall clock around the client process. Peak memory: the server process's VmHWM.");
        s.AppendLine();
        s.AppendLine("| target | operation | MB/s | seconds | server peak memory (MB) | note |");
        s.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var row in rows)
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Target} | {row.Operation} | {row.MbPerSecond:0} | {row.Seconds:0.0} | {(row.PeakRssBytes is { } peak ? (peak / 1e6).ToString("0", CultureInfo.InvariantCulture) : "–")} | {row.Note} |");
        s.AppendLine();
        foreach (var operation in new[] { "upload", "download" })
        {
            var curl = rows.Single(r => r.Target.StartsWith("curl", StringComparison.Ordinal) && r.Operation == operation);
            foreach (var app in rows.Where(r => r.Target.StartsWith("app", StringComparison.Ordinal) && r.Operation == operation))
            {
                var ratio = app.MbPerSecond / curl.MbPerSecond;
                var memory = app.PeakRssBytes / 1e6;
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"- {app.Target} {operation}: {ratio:0.00}× curl's throughput (goal ≥ 0.5: {(ratio >= 0.5 ? "met" : "not met")}), peak {memory:0} MB (goal < {PeakMemoryGoalMb:0}: {(memory < PeakMemoryGoalMb ? "met" : "not met")})");
            }
        }

        return s.ToString();
    }
}
