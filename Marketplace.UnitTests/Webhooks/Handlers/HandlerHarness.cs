using Marketplace.Core.CheckoutClosing;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Core.Disputes;
using Marketplace.Core.Invoices;
using Marketplace.Core.Orders;
using Marketplace.Core.Payouts;
using Marketplace.Core.Refunds;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Emails;
using Marketplace.Locking;
using Marketplace.Core.Seeding;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Processing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace Marketplace.UnitTests.Webhooks.Handlers;

/// <summary>
/// One webhook handler at a time, as the processor runs it: the real Core services (subscription, ledger, order, dispute,
/// payout and Connect syncs, the email outbox) registered as the app registers them, on a fresh SQLite file (a copy of one
/// migrated and seeded with the standard plans once per run), and <see cref="Stripe"/>, an NSubstitute fake of <see cref="IStripeGateway"/> in place
/// of Stripe. Each <see cref="HandleAsync{THandler}"/> runs in its own DI scope, as each inbox row does. Emails are only
/// written to the outbox table (no Hangfire, no SMTP here).
/// </summary>
public sealed partial class HandlerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _directory;

    private HandlerHarness(ServiceProvider services, string directory, IStripeGateway stripe, Hangfire.IBackgroundJobClient jobs)
    {
        _services = services;
        _directory = directory;
        Stripe = stripe;
        Jobs = jobs;
    }

    /// <summary>A substitute Hangfire client: what the code enqueues is recorded (assert with <c>Received().Create(…)</c>), never run.</summary>
    public Hangfire.IBackgroundJobClient Jobs { get; }

    /// <summary>The fake Stripe: arrange its answers with <c>Returns</c>/<c>Throws</c>, assert with <c>Received</c>.</summary>
    public IStripeGateway Stripe { get; }

    /// <summary>
    /// A harness on a new SQLite file in a temporary folder (removed by <see cref="DisposeAsync"/>): a copy of a template
    /// migrated and seeded with the standard plans once per test run. <paramref name="settings"/> adds configuration keys
    /// (e.g. <c>Disputes:ReverseTransferOnDispute</c>).
    /// </summary>
    public static async Task<HandlerHarness> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var template = await Template.Value;
        var directory = NewDirectory();
        foreach (var file in Directory.GetFiles(template))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        var (provider, stripe, jobs) = Build(directory, settings);
        return new HandlerHarness(provider, directory, stripe, jobs);
    }

    /// <summary>The folder of the migrated and seeded database every harness copies (made once per test process).</summary>
    private static readonly Lazy<Task<string>> Template = new(async () =>
    {
        var directory = NewDirectory();
        var (provider, _, _) = Build(directory, null);
        await using (provider)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            await db.Database.MigrateAsync();
            await new PlanSeeder(db).SeedAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"); // everything in the main file
        }
        SqliteConnection.ClearAllPools();
        return directory;
    });

    private static string NewDirectory() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"marketplace-handlers-{Guid.NewGuid():N}")).FullName;

    /// <summary>
    /// The Core services the processor's handlers use, registered as the app registers them (webhooks and the features
    /// their handlers call), on the SQLite file in <paramref name="directory"/>, with a fake <see cref="IStripeGateway"/>.
    /// </summary>
    private static (ServiceProvider Provider, IStripeGateway Stripe, Hangfire.IBackgroundJobClient Jobs) Build(string directory, IReadOnlyDictionary<string, string?>? settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["App:DefaultCulture"] = "en",
            [$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SqliteDirectory)}"] = directory,
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var stripe = Substitute.For<IStripeGateway>();
        var jobs = Substitute.For<Hangfire.IBackgroundJobClient>();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddMemoryCache()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IDistributedLocks, InProcessLocks>()
            .AddScoped<EmailOutbox>()
            .AddScoped<IStripeGateway>(_ => stripe)
            .AddSingleton(jobs);
        services.AddMarketplaceDatabase(configuration, new DatabaseOptions { SqliteDirectory = directory }, directory);
        services.AddStripeWebhooks().AddConnect().AddSubscriptions().AddInvoices().AddOrders(configuration).AddRefunds(configuration)
            .AddDisputes(configuration).AddPayouts().AddCheckoutClosing();
        return (services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), stripe, jobs);
    }

    /// <summary>Runs the registered handler <typeparamref name="THandler"/> on <paramref name="stripeEvent"/> in a new scope; its answer (null: done, else why Ignored).</summary>
    public async Task<string?> HandleAsync<THandler>(TestEvent stripeEvent) where THandler : IStripeEventHandler
    {
        await using var scope = _services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IStripeEventHandler>().OfType<THandler>().Single();
        handler.EventType.Should().Be(stripeEvent.Envelope.Type, "the test sends the handler its own event type");
        return await handler.HandleAsync(stripeEvent.Envelope, stripeEvent.Payload, CancellationToken.None);
    }

    /// <summary>Runs the registered handler of the event's type, as the processor picks it; its answer.</summary>
    public async Task<string?> HandleAsync(TestEvent stripeEvent)
    {
        await using var scope = _services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IStripeEventHandler>().Single(h => h.EventType == stripeEvent.Envelope.Type);
        return await handler.HandleAsync(stripeEvent.Envelope, stripeEvent.Payload, CancellationToken.None);
    }

    /// <summary>Runs <paramref name="action"/> on the registered service <typeparamref name="TService"/> in a new scope (a job, a Core service).</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Reads the database in a new scope (no tracking from the handler's context leaks in).</summary>
    public async Task<T> QueryAsync<T>(Func<MarketplaceDbContext, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>());
    }

    /// <summary>Changes the database in a new scope and saves.</summary>
    public async Task ArrangeAsync(Func<MarketplaceDbContext, Task> arrange)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
        await arrange(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Every email in the outbox, oldest first.</summary>
    public Task<List<OutboxEmail>> EmailsAsync() => QueryAsync(db => db.OutboxEmails.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a pooled connection of another test: the temporary folder is left for the OS
        }
    }
}
