namespace Marketplace.StripeEmulator;

/// <summary>
/// Standalone run: <c>dotnet run --project Marketplace.StripeEmulator --urls http://127.0.0.1:12111</c>. Settings come
/// from appsettings.json's <c>StripeEmulator</c> section, environment variables and the command line.
/// A namespaced class, not top-level statements: .NET 10 makes a top-level <c>Program</c> public, and it would clash
/// with the web app's <c>Program</c> in the tests.
/// </summary>
public static class EmulatorProgram
{
    public static async Task Main(string[] args)
    {
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

        // The emulator's host handles SIGINT, SIGTERM and SIGQUIT (ASP.NET Core's console lifetime): it stops, and so does Main.
        await using var server = await StripeEmulatorServer.StartAsync(options);
        Console.WriteLine($"Stripe emulator listening on {server.BaseUrl} (Ctrl+C or SIGTERM to stop)");
        await server.WaitForShutdownAsync();
    }
}
