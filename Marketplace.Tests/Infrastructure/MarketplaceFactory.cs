using Marketplace.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Tests.Infrastructure;

/// <summary>
/// The real web app on a fresh SQLite folder of its own (deleted on dispose), Development environment, with the
/// documented admin defaults. Pass settings to override configuration keys (e.g. <c>Hangfire:ServerEnabled</c>).
/// </summary>
public class MarketplaceFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@marketplace.test";
    public const string AdminPassword = "Admin#12345";

    public MarketplaceFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "marketplace-tests", Guid.NewGuid().ToString("N"));
    }

    /// <summary>Configuration keys to set or override, e.g. <c>["Hangfire:ServerEnabled"] = "true"</c>.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The app's log (Information and up).</summary>
    public string LogFile => Path.Combine(DataDirectory, "app.log");

    /// <summary>Folder of this app's SQLite files.</summary>
    public string DataDirectory { get; }

    /// <summary>The environment the app runs in; Development unless a test says otherwise.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Runs <paramref name="action"/> with a fresh scoped <see cref="MarketplaceDbContext"/>.</summary>
    public async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        Directory.CreateDirectory(DataDirectory);
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(LogFile)));
        var settings = new Dictionary<string, string?>
        {
            ["Database:SqliteDirectory"] = DataDirectory,
            ["Seed:AdminEmail"] = AdminEmail,
            ["Seed:AdminPassword"] = AdminPassword,
            ["Hangfire:ServerEnabled"] = "false",
            ["Stripe:EmulatorUrl"] = "http://127.0.0.1:0",
            ["Stripe:SyncPricesOnStartup"] = "false", // tests count Stripe objects and plan API failures themselves
            ["Security:IdentityPostsPerMinute"] = "100000", // tests sign up many creators from one address; the limit has its own test
        };
        foreach (var (key, value) in Settings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a background thread; the OS temp folder is cleaned eventually.
        }

        GC.SuppressFinalize(this);
    }
}
