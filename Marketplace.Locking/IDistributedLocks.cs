namespace Marketplace.Locking;

/// <summary>
/// Named locks shared by every process on the same database (web replicas and workers), so that two jobs for the same
/// Stripe subscription or account never interleave.
/// </summary>
public interface IDistributedLocks
{
    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="resource"/>; dispose the result to release it.</summary>
    /// <exception cref="TimeoutException">The lock was not granted in time.</exception>
    Task<IDisposable> AcquireAsync(string resource, TimeSpan timeout, CancellationToken cancellationToken = default);
}
