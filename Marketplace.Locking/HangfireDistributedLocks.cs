using Hangfire;
using Hangfire.Storage;

namespace Marketplace.Locking;

/// <summary>
/// <see cref="IDistributedLocks"/> on Hangfire's storage (SQLite file or SQL Server): the locks live where the job
/// queue lives, so every process that takes jobs sees them.
/// </summary>
public sealed class HangfireDistributedLocks(JobStorage storage) : IDistributedLocks
{
    /// <inheritdoc />
    public Task<IDisposable> AcquireAsync(string resource, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.Run<IDisposable>(() =>
        {
            var connection = storage.GetConnection();
            try
            {
                var handle = connection.AcquireDistributedLock("marketplace:" + resource, timeout);
                return new Lease(handle, connection);
            }
            catch (DistributedLockTimeoutException ex)
            {
                connection.Dispose();
                throw new TimeoutException($"Lock '{resource}' was not granted within {timeout.TotalSeconds:0} s.", ex);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }, cancellationToken);

    private sealed class Lease(IDisposable handle, IDisposable connection) : IDisposable
    {
        public void Dispose()
        {
            handle.Dispose();
            connection.Dispose();
        }
    }
}
