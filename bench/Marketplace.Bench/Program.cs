using System.Diagnostics;
using System.Globalization;
using Marketplace.Bench;

if (BenchOptions.Parse(args, out var error) is not { } options)
{
    if (!string.IsNullOrEmpty(error)) Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.BareKestrelPort is { } barePort)
{
    await BareKestrel.RunAsync(barePort);
    return 0;
}

if (options.RenewalStorm is not null) return await Marketplace.Bench.Storm.StormBenchmark.RunAsync(options);
if (options.Files) return await Marketplace.Bench.Files.FileBenchmark.RunAsync(options);

return options.Pages ? await Marketplace.Bench.Pages.PageBenchmark.RunAsync(options) : await Benchmark.RunAsync(options);
