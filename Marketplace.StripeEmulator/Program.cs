// Standalone run: dotnet run --project Marketplace.StripeEmulator --urls http://127.0.0.1:12111
// Settings come from appsettings.json's "StripeEmulator" section, environment variables and the command line.
using Marketplace.StripeEmulator;

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
var options = new StripeEmulatorOptions { LogRequests = true };
configuration.GetSection("StripeEmulator").Bind(options);
// The binder appends configured array items to the defaults; configured delays replace them instead.
if (configuration.GetSection("StripeEmulator:DeliveryRetryDelays").Get<TimeSpan[]>() is { Length: > 0 } delays)
    options.DeliveryRetryDelays = delays;
if (configuration["urls"] is { Length: > 0 } urls) options.Url = urls.Split(';')[0];

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var server = await StripeEmulatorServer.StartAsync(options, stop.Token);
Console.WriteLine($"Stripe emulator listening on {server.BaseUrl} (Ctrl+C to stop)");
try { await Task.Delay(Timeout.Infinite, stop.Token); }
catch (OperationCanceledException) { }
