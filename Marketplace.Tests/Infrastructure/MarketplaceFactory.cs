using Marketplace.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Tests.Infrastructure;

/// <summary>
/// The real web app on a fresh SQLite folder of its own (deleted on dispose), Development environment, with the
/// documented admin defaults. Pass settings to override configuration keys (e.g. <c>Hangfire:ServerEnabled</c>).
/// A subclass overriding <see cref="Provider"/> with <see cref="DatabaseProvider.Postgres"/> runs the same app on a
/// PostgreSQL database of its own (<see cref="PostgresTestServer"/>), dropped on dispose.
/// </summary>
public class MarketplaceFactory : WebApplicationFactory<Program>
{
    private string? _postgresDatabase;

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

    /// <summary>The app's database engine: SQLite here, PostgreSQL in the <c>Postgres…Factory</c> subclasses.</summary>
    public virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>The environment the app runs in; Development unless a test says otherwise.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>Runs <paramref name="action"/> with a fresh scoped <see cref="MarketplaceDbContext"/>.</summary>
    public async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    /// <summary>
    /// A new context on this app's database and provider with extra <paramref name="interceptors"/> (e.g. a command
    /// counter); the caller disposes it.
    /// </summary>
    public MarketplaceDbContext NewDbContext(IServiceProvider services, params IInterceptor[] interceptors) => Provider switch
    {
        DatabaseProvider.Postgres => new PostgresMarketplaceDbContext(new DbContextOptionsBuilder<PostgresMarketplaceDbContext>(
            services.GetRequiredService<DbContextOptions<PostgresMarketplaceDbContext>>()).AddInterceptors(interceptors).Options),
        _ => new SqliteMarketplaceDbContext(new DbContextOptionsBuilder<SqliteMarketplaceDbContext>(
            services.GetRequiredService<DbContextOptions<SqliteMarketplaceDbContext>>()).AddInterceptors(interceptors).Options),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        Directory.CreateDirectory(DataDirectory);
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(LogFile)));
        var settings = new Dictionary<string, string?>
        {
            ["Database:SqliteDirectory"] = DataDirectory,
            ["Files:LocalDirectory"] = Path.Combine(DataDirectory, "files"), // uploaded listing files stay with the test's data
            ["Email:PickupDirectory"] = Path.Combine(DataDirectory, "mail"), // emails of tests without an SMTP server stay with the test's data
            ["Listings:ImageDirectory"] = Path.Combine(DataDirectory, "images"), // listing pictures too
            ["Seed:AdminEmail"] = AdminEmail,
            ["Seed:AdminPassword"] = AdminPassword,
            ["Hangfire:ServerEnabled"] = "false",
            ["Stripe:EmulatorUrl"] = "http://127.0.0.1:0",
            ["Stripe:SyncPricesOnStartup"] = "false", // tests count Stripe objects and plan API failures themselves
            ["Security:IdentityPostsPerMinute"] = "100000", // tests sign up many creators from one address; the limit has its own test
            ["Security:RequireAdminTwoFactor"] = "false", // admin tests are about their pages; Accounts/TwoFactorTests turns it on
        };
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgresDatabase ??= PostgresTestServer.CreateDatabase();
            settings["Database:Provider"] = nameof(DatabaseProvider.Postgres);
            settings["ConnectionStrings:Marketplace"] = _postgresDatabase;
        }

        foreach (var (key, value) in Settings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null) PostgresTestServer.DropDatabase(_postgresDatabase);
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
