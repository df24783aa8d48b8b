namespace Marketplace.Locking;

/// <summary>
/// <see cref="IDistributedLocks"/> for the embedded SQLite set-up, where one process owns the database: async
/// per-resource semaphores, no thread blocked while waiting. An entry is dropped when nobody holds or waits for it.
/// </summary>
public sealed class InProcessLocks : IDistributedLocks
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<IDisposable> AcquireAsync(string resource, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(resource, out entry!)) _entries[resource] = entry = new Entry();
            entry.Users++;
        }

        try
        {
            if (!await entry.Semaphore.WaitAsync(timeout, cancellationToken))
                throw new TimeoutException($"Lock '{resource}' was not granted within {timeout.TotalSeconds:0} s.");
        }
        catch
        {
            Leave(resource, entry);
            throw;
        }

        return new Lease(() =>
        {
            entry.Semaphore.Release();
            Leave(resource, entry);
        });
    }

    private void Leave(string resource, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0) _entries.Remove(resource);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
