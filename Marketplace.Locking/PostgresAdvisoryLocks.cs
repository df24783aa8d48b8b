using Medallion.Threading.Postgres;

namespace Marketplace.Locking;

/// <summary>
/// <see cref="IDistributedLocks"/> on PostgreSQL session advisory locks
/// (https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS) through DistributedLock.Postgres: the
/// lock belongs to a database session, so a process killed while holding it (<c>kill -9</c>, a lost container) releases
/// it when the server sees its connection close, as SQL Server's <c>sp_getapplock</c> does under
/// <see cref="HangfireDistributedLocks"/>. Hangfire.PostgreSql's own locks are rows kept until its
/// <c>DistributedLockTimeout</c> (10 minutes): a worker started after a killed one waited on every row lock the dead one
/// held (issue 17, scenario 5). Resource names are hashed to the 64-bit advisory key (<c>allowHashing</c>).
/// </summary>
public sealed class PostgresAdvisoryLocks(string connectionString) : IDistributedLocks
{
    /// <inheritdoc />
    public async Task<IDisposable> AcquireAsync(string resource, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var advisory = new PostgresDistributedLock(new PostgresAdvisoryLockKey("marketplace:" + resource, allowHashing: true), connectionString);
        return await advisory.TryAcquireAsync(timeout, cancellationToken)
            ?? throw new TimeoutException($"Lock '{resource}' was not granted within {timeout.TotalSeconds:0} s.");
    }
}
