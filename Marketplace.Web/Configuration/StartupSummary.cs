using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Marketplace.Web.StripeEmulation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Configuration;

/// <summary>
/// Once the app listens (every hosted service started), logs in four Information lines what a newcomer needs:
/// the URL(s) and environment, the database (the SQLite files, or the provider without its connection string),
/// how Stripe is reached (the in-process emulator's URL and why it is used, or Stripe's API base with a test or live key) and, in Development, the
/// seeded admin account (its password is read from configuration, never logged).
/// </summary>
internal sealed class StartupSummary(
    IServer server,
    IServiceProvider services,
    IHostEnvironment environment,
    IOptions<DatabaseOptions> database,
    IOptions<StripeOptions> stripe,
    IOptions<Marketplace.Core.Seeding.SeedOptions> seed,
    ILogger<StartupSummary> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var urls = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses is { Count: > 0 } addresses
            ? string.Join(", ", addresses)
            : "(no listening address: in-memory test server)";
        logger.LogInformation("Marketplace is listening on {Urls} ({Environment} environment)", urls, environment.EnvironmentName);

        if (database.Value.Provider == DatabaseProvider.Sqlite)
        {
            var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, database.Value.SqliteDirectory));
            logger.LogInformation("Database: SQLite {DatabaseFile}, Hangfire storage {HangfireFile}",
                Path.Combine(directory, "marketplace.db"), Path.Combine(directory, "hangfire.db"));
        }
        else
        {
            logger.LogInformation("Database: {Provider} (ConnectionStrings:Marketplace), Hangfire storage in the same database", database.Value.Provider);
        }

        if (services.GetService<InProcessStripeEmulator>() is { } emulator)
            logger.LogInformation("Stripe: the emulator ({Why}), Stripe's API is emulated in this process at {EmulatorUrl}; no real payment is taken",
                stripe.Value.Mode == StripeMode.Emulator ? "Stripe:Mode=Emulator" : "no Stripe:SecretKey", emulator.BaseUrl);
        else
            logger.LogInformation("Stripe: the real API at {ApiBase} with a {KeyMode} key", string.IsNullOrEmpty(stripe.Value.ApiBase) ? "https://api.stripe.com" : stripe.Value.ApiBase,
                stripe.Value.IsLiveMode ? "LIVE" : "test");

        if (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(seed.Value.AdminEmail))
            logger.LogInformation("Admin account (Development): {AdminEmail}, password Seed:AdminPassword (appsettings.Development.json)", seed.Value.AdminEmail);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
