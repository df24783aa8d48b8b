namespace Marketplace.StripeEmulator.State;

/// <summary>Bounded, thread-safe append-only log (delivery attempts, API requests) of one key; the oldest entries are forgotten beyond the capacity.</summary>
internal sealed class BoundedLog<T>(int capacity)
{
    private readonly LinkedList<T> _records = new();
    private readonly object _gate = new();

    public void Add(T record)
    {
        lock (_gate)
        {
            _records.AddLast(record);
            while (_records.Count > capacity) _records.RemoveFirst();
        }
    }

    /// <summary>A copy of the entries, oldest first.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate) return _records.ToList();
    }
}
