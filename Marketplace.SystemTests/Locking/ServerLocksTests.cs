using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Tests.Infrastructure;
using Marketplace.Web.Jobs;
using Microsoft.Extensions.Configuration;

namespace Marketplace.SystemTests.Locking;

/// <summary>
/// <see cref="HangfireDistributedLocks"/>, the lock class of both server providers, on the app's Hangfire.PostgreSql
/// storage (<see cref="HangfireStorageFactory"/>): two storage instances on one database stand for two processes.
/// </summary>
public sealed class ServerLocksTests : IDisposable
{
    private readonly string _database = PostgresTestServer.CreateDatabase();

    [Fact]
    public async Task Acquire_HeldByAnotherProcess_TimesOutUntilReleasedThenGranted()
    {
        var web = Locks();
        var worker = Locks();

        var held = await web.AcquireAsync("subscription:sub_1", TimeSpan.FromSeconds(5));
        var meanwhile = () => worker.AcquireAsync("subscription:sub_1", TimeSpan.FromSeconds(1));
        await meanwhile.Should().ThrowAsync<TimeoutException>().WithMessage("*subscription:sub_1*");
        using (await worker.AcquireAsync("subscription:sub_2", TimeSpan.FromSeconds(5)))
        {
            // another resource is free
        }

        held.Dispose();
        using var after = await worker.AcquireAsync("subscription:sub_1", TimeSpan.FromSeconds(10));
        after.Should().NotBeNull();
    }

    [Fact]
    public async Task Acquire_ManyHoldersAcrossTwoProcesses_NeverTwoAtOnce()
    {
        IDistributedLocks[] processes = [Locks(), Locks()];
        var inside = 0;
        var overlaps = 0;
        var entered = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            using var lease = await processes[i % 2].AcquireAsync("account:acct_1", TimeSpan.FromSeconds(60));
            if (Interlocked.Increment(ref inside) != 1) Interlocked.Increment(ref overlaps);
            await Task.Yield();
            Interlocked.Increment(ref entered);
            Interlocked.Decrement(ref inside);
        })));

        entered.Should().Be(20);
        overlaps.Should().Be(0);
    }

    public void Dispose() => PostgresTestServer.DropDatabase(_database);

    private HangfireDistributedLocks Locks()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Marketplace"] = _database }).Build();
        var storage = HangfireStorageFactory.Create(configuration, new DatabaseOptions { Provider = DatabaseProvider.Postgres }, new HangfireOptions(), Path.GetTempPath());
        return new HangfireDistributedLocks(storage);
    }
}
