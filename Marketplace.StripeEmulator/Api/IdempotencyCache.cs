namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// Remembers <c>Idempotency-Key</c> requests for 24 hours (https://docs.stripe.com/api/idempotent_requests):
/// same key and same method, path and parameters → the first response is replayed;
/// different ones → 400 <c>idempotency_error</c>; the same key while the first is still running → 409.
/// Bounded: the oldest entries are evicted first. Thread-safe.
/// </summary>
internal sealed class IdempotencyCache(int capacity)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly object _gate = new();

    public sealed class Entry(string fingerprint, DateTimeOffset createdAt)
    {
        public string Fingerprint { get; } = fingerprint;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public bool Completed { get; set; }
        public int Status { get; set; }
        public string Body { get; set; } = "";
    }

    /// <summary>
    /// Reserves <paramref name="key"/> for a request, or returns the finished entry to replay.
    /// Throws 400 for different parameters and 409 while the first request is still in flight.
    /// </summary>
    public Entry? BeginOrReplay(string key, string fingerprint)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry) && DateTimeOffset.UtcNow - entry.CreatedAt < Lifetime)
            {
                if (entry.Fingerprint != fingerprint)
                    throw new StripeApiException(400, "idempotency_error", "idempotency_key_in_use",
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
                if (!entry.Completed)
                    throw new StripeApiException(409, "idempotency_error", "idempotency_key_in_use",
                        "There is currently another in-progress request using this Stripe-Account and Idempotency Key. Try again later.");
                return entry;
            }
            _entries[key] = new Entry(fingerprint, DateTimeOffset.UtcNow);
            _order.Enqueue(key);
            while (_order.Count > capacity && _order.TryDequeue(out var oldest)) _entries.Remove(oldest);
            return null;
        }
    }

    public void Complete(string key, int status, string body)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry)) return;
            // Stripe does not store 5xx or rate-limit answers: the key can be retried.
            if (status >= 500 || status == 429) { _entries.Remove(key); return; }
            entry.Status = status;
            entry.Body = body;
            entry.Completed = true;
        }
    }

    public void Abandon(string key)
    {
        lock (_gate) _entries.Remove(key);
    }
}
