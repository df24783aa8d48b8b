using System.Collections.Concurrent;

namespace Marketplace.StripeGateway;

/// <summary>
/// One refetch per Stripe object for the rows of one webhook batch: the batch job opens a memo
/// (<see cref="Begin"/>, ambient through an <see cref="AsyncLocal{T}"/>, so the rows processed in parallel share it), and
/// the gateway's reads of a subscription, invoice or Checkout Session by id (not accounts: see <c>GetAccountAsync</c>)
/// (<see cref="ReadAsync{T}"/>) go to Stripe once per id. Sound because every row of the batch was received before the
/// batch started, so a read made during the batch is at least as new as each of its events (Stripe's state then, which
/// handlers apply order-independently). Any write to Stripe in the batch (a request other than GET) empties the memo, so
/// a handler never reads back an object older than its own change; a failed read is not kept. Outside a batch, reads go
/// to Stripe every time.
/// </summary>
public sealed class StripeReadMemo
{
    private static readonly AsyncLocal<StripeReadMemo?> Ambient = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _reads = new(StringComparer.Ordinal);
    private int _requested;
    private int _sent;

    /// <summary>Reads asked for through the memo (what the handlers would have sent without it).</summary>
    public int Requested => Volatile.Read(ref _requested);

    /// <summary>Reads actually sent to Stripe.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Opens a memo for what follows (and the tasks it starts) until the returned scope is disposed.</summary>
    public static Scope Begin()
    {
        var previous = Ambient.Value;
        var memo = new StripeReadMemo();
        Ambient.Value = memo;
        return new Scope(memo, previous);
    }

    /// <summary>
    /// The object <paramref name="id"/>, read with <paramref name="read"/> once per open memo (every time without one).
    /// </summary>
    /// <exception cref="Exception">Whatever <paramref name="read"/> threw (not kept: the next caller reads again).</exception>
    public static async Task<T> ReadAsync<T>(string id, Func<Task<T>> read) where T : class
    {
        if (Ambient.Value is not { } memo) return await read();
        Interlocked.Increment(ref memo._requested);
        var key = typeof(T).Name + ":" + id;
        var entry = memo._reads.GetOrAdd(key, _ => new Lazy<Task<object>>(async () =>
        {
            Interlocked.Increment(ref memo._sent);
            return await read();
        }));
        try
        {
            return (T)await entry.Value;
        }
        catch
        {
            memo._reads.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }

    /// <summary>A write to Stripe is under way: what was read before may be older than it, so nothing read is kept.</summary>
    public static void Writing() => Ambient.Value?._reads.Clear();

    /// <summary>The open memo; disposing it restores the one before.</summary>
    public sealed class Scope(StripeReadMemo memo, StripeReadMemo? previous) : IDisposable
    {
        /// <summary>The memo this scope opened, for its counts.</summary>
        public StripeReadMemo Memo => memo;

        /// <inheritdoc />
        public void Dispose() => Ambient.Value = previous;
    }
}
