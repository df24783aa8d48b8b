using System.Net;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Dispatch;
using Marketplace.StripeEmulator;
using Marketplace.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Marketplace.SystemTests.Reliability;

/// <summary>
/// The app process killed after acknowledging events and before processing them: a real second OS process
/// (<see cref="AppProcess"/>), killed with its whole tree, then a fresh process on the same SQLite files processes
/// every acknowledged event. Both talk to one Stripe emulator running in the test process.
/// </summary>
public sealed class KilledProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int EventCount = 100;
    private const string ApiKey = "sk_test_killed_process_0001";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "marketplace-tests", "killed-" + Guid.NewGuid().ToString("N"));
    private StripeEmulatorServer _emulator = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _emulator = await StripeEmulatorServer.StartAsync(new StripeEmulatorOptions { Url = "http://127.0.0.1:0" });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    [Fact]
    public async Task Kill_After100EventsAcknowledgedBeforeProcessing_AllProcessedByTheNextProcess()
    {
        var accounts = await SeedCreatorsWithConnectAccountsAsync(EventCount);
        foreach (var account in accounts) _emulator.SetAccountState(ApiKey, account, "enabled"); // what the events will report

        // First process: the Hangfire server runs, but only the default queue: webhook jobs wait, durable, in the webhooks queue.
        var firstLog = Path.Combine(_directory, "first-process.log");
        Dictionary<string, string> jobIdsBeforeKill;
        using (var first = await AppProcess.StartAsync(Settings(queues: "default"), firstLog, TimeSpan.FromSeconds(90)))
        {
            (await SendAccountUpdatedAsync(first, accounts)).Should().Be(EventCount);
            // The dispatcher enqueues off the request path: wait until every acknowledged row has its (waiting) job.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            List<StripeWebhookEvent> before;
            do
            {
                await Task.Delay(200);
                before = await WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().ToListAsync());
            }
            while (DateTime.UtcNow < deadline && before.Any(e => e.HangfireJobId == null));

            before.Should().HaveCount(EventCount);
            before.Should().OnlyContain(e => e.Status == WebhookEventStatus.Received && e.Attempts == 0 && e.HangfireJobId != null && e.ClaimToken == null,
                "acknowledged and enqueued, none processed before the kill");
            jobIdsBeforeKill = before.ToDictionary(e => e.StripeEventId, e => e.HangfireJobId!);

            first.Kill();
            first.IsRunning.Should().BeFalse();
        }

        (await WithDbAsync(db => db.CreatorStripeAccounts.CountAsync(a => a.OnboardingStatus == OnboardingStatus.Complete))).Should().Be(0);

        // Second process on the same database and Hangfire storage, serving every queue.
        using var second = await AppProcess.StartAsync(Settings(queues: "webhooks,default"), Path.Combine(_directory, "second-process.log"), TimeSpan.FromSeconds(90));
        var rows = await WaitUntilProcessedAsync(EventCount, seconds: 120);
        var processed = rows.Count(e => e.Status == WebhookEventStatus.Processed);
        output.WriteLine($"acknowledged {EventCount}, processed after restart {processed}, lost {EventCount - processed}");
        processed.Should().Be(EventCount, AppProcess.ReadLog(second.LogFile));
        rows.Should().HaveCount(EventCount);
        rows.Should().OnlyContain(e => e.Attempts == 1, "each event processed once");
        rows.Should().OnlyContain(e => e.HangfireJobId == jobIdsBeforeKill[e.StripeEventId],
            "the start-up recovery saw each row's job still queued and enqueued no second one");
        var complete = await WithDbAsync(db => db.CreatorStripeAccounts.Where(a => a.OnboardingStatus == OnboardingStatus.Complete)
            .Select(a => a.StripeAccountId).ToListAsync());
        complete.Should().BeEquivalentTo(accounts, "every event's effect is in the database");
    }

    [Fact]
    public async Task Kill_WhileJobsWaitOnStripe_EveryEventProcessedByTheNextProcess()
    {
        const int count = 20;
        var accounts = await SeedCreatorsWithConnectAccountsAsync(count);
        foreach (var account in accounts) _emulator.SetAccountState(ApiKey, account, "enabled");

        // First process: every queue served, but Stripe hangs (10 min per call, the app waits up to 5 min): the jobs
        // that started are mid-run, holding their row lock, when the process dies.
        _emulator.DelayNextApiCalls(ApiKey, TimeSpan.FromMinutes(10), 10_000);
        var firstSettings = Settings(queues: "webhooks,default");
        firstSettings["Stripe:RequestTimeoutSeconds"] = "300";
        using (var first = await AppProcess.StartAsync(firstSettings, Path.Combine(_directory, "first-process.log"), TimeSpan.FromSeconds(90)))
        {
            (await SendAccountUpdatedAsync(first, accounts)).Should().Be(count);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && await WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Status == WebhookEventStatus.Processing)) < 4)
                await Task.Delay(200);
            first.Kill();
        }

        // Batch jobs (4 workers, each running up to Webhooks:BatchParallelism rows at once): how many rows were mid-run
        // depends on how the dispatcher grouped the 20 deliveries, so it is read from the dead process's database.
        var midRun = await WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Status == WebhookEventStatus.Processing));
        midRun.Should().BeGreaterThanOrEqualTo(4, "the first process's workers were inside Stripe calls");

        _emulator.DelayNextApiCalls(ApiKey, TimeSpan.FromSeconds(1), 0); // Stripe answers again
        // Hangfire's default invisibility timeout (300 s) stays: the next process sees that the killed one's server is dead
        // (its process is gone) and takes its jobs back at start-up, instead of waiting five minutes.
        var restart = System.Diagnostics.Stopwatch.StartNew();
        using var second = await AppProcess.StartAsync(Settings(queues: "webhooks,default"), Path.Combine(_directory, "second-process.log"), TimeSpan.FromSeconds(90));

        var rows = await WaitUntilProcessedAsync(count, seconds: 60);
        var processed = rows.Count(e => e.Status == WebhookEventStatus.Processed);
        output.WriteLine($"acknowledged {count}, {midRun} mid-run at the kill, processed after restart {processed} in {restart.Elapsed.TotalSeconds:F1} s (start-up included), lost {count - processed}");
        processed.Should().Be(count, AppProcess.ReadLog(second.LogFile));
        rows.Count(e => e.Attempts == 2).Should().Be(midRun, "the rows killed mid-run were run again; the others once");
        rows.Should().OnlyContain(e => e.Attempts == 1 || e.Attempts == 2);
        (await WithDbAsync(db => db.CreatorStripeAccounts.CountAsync(a => a.OnboardingStatus == OnboardingStatus.Complete))).Should().Be(count);
    }

    /// <summary>POSTs one signed <c>account.updated</c> per account to the process; returns how many were answered 200.</summary>
    private static async Task<int> SendAccountUpdatedAsync(AppProcess app, IEnumerable<string> accounts)
    {
        using var client = new HttpClient { BaseAddress = app.Url };
        var acknowledged = 0;
        foreach (var account in accounts)
        {
            var json = StripeEventSamples.Event("account.updated", account, "account", account: account);
            var response = await client.PostAsync("/api/webhooks/stripe/connect", json, StripeEventSamples.Sign(json, StripeEventSamples.ConnectSecret));
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            acknowledged++;
        }

        return acknowledged;
    }

    /// <summary>Polls the inbox until <paramref name="count"/> rows are Processed or <paramref name="seconds"/> pass; returns the rows.</summary>
    private async Task<List<StripeWebhookEvent>> WaitUntilProcessedAsync(int count, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        List<StripeWebhookEvent> rows;
        do
        {
            await Task.Delay(500);
            rows = await WithDbAsync(db => db.StripeWebhookEvents.AsNoTracking().ToListAsync());
        }
        while (DateTime.UtcNow < deadline && rows.Count(e => e.Status == WebhookEventStatus.Processed) < count);

        return rows;
    }

    /// <summary>The app's configuration for this test: the shared folder and emulator, the test's webhook secrets.</summary>
    private Dictionary<string, string> Settings(string queues) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database:SqliteDirectory"] = _directory,
        ["Seed:AdminEmail"] = MarketplaceFactory.AdminEmail,
        ["Seed:AdminPassword"] = MarketplaceFactory.AdminPassword,
        ["Stripe:Mode"] = "Stripe",
        ["Stripe:SecretKey"] = ApiKey,
        ["Stripe:ApiBase"] = _emulator.BaseUrl.ToString().TrimEnd('/'),
        ["Stripe:BillingWebhookSecret"] = StripeEventSamples.BillingSecret,
        ["Stripe:ConnectWebhookSecret"] = StripeEventSamples.ConnectSecret,
        ["Stripe:SyncPricesOnStartup"] = "false",
        ["Hangfire:ServerEnabled"] = "true",
        ["Hangfire:Queues"] = queues,
        ["Hangfire:WorkerCount"] = "4",
        ["Hangfire:QueuePollIntervalMs"] = "100",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    /// <summary>
    /// Creates the database (an in-process host on the same folder, no Hangfire server) with <paramref name="count"/>
    /// creators, each with an Express account on the emulator; returns the <c>acct_…</c> ids.
    /// </summary>
    private async Task<List<string>> SeedCreatorsWithConnectAccountsAsync(int count)
    {
        await using var seeder = new MarketplaceFactory
        {
            Settings = Settings("default").Where(s => s.Key.Contains(':')).ToDictionary(s => s.Key, s => (string?)s.Value),
        };
        seeder.Settings["Hangfire:ServerEnabled"] = "false";
        var accounts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await using var scope = seeder.Services.CreateAsyncScope();
            var registered = await scope.ServiceProvider.GetRequiredService<CreatorRegistration>()
                .RegisterAsync($"killed{i}@example.com", "Creator#12345", $"Creator {i}");
            registered.Succeeded.Should().BeTrue();
            var creatorId = registered.Profile!.Id;
            var account = await scope.ServiceProvider.GetRequiredService<IStripeGateway>().CreateExpressAccountAsync(creatorId, $"killed{i}@example.com", "FR");
            var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();
            db.CreatorStripeAccounts.Add(new CreatorStripeAccount(creatorId, account.Id));
            await db.SaveChangesAsync();
            accounts.Add(account.Id);
        }

        return accounts;
    }

    /// <summary>Reads the shared SQLite database from the test process, as a third client of the file.</summary>
    private async Task<T> WithDbAsync<T>(Func<MarketplaceDbContext, Task<T>> read)
    {
        var options = new DbContextOptionsBuilder<SqliteMarketplaceDbContext>()
            .UseSqliteModel($"Data Source={Path.Combine(_directory, "marketplace.db")};Default Timeout=30").Options;
        await using var db = new SqliteMarketplaceDbContext(options);
        return await read(db);
    }
}
