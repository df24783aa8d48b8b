namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// One API key's <c>Idempotency-Key</c> entries, following https://docs.stripe.com/api/idempotent_requests:
/// <list type="bullet">
/// <item>an entry is scoped by the <c>Stripe-Account</c> header (empty for the platform) and the key; the API key scope
/// comes from there being one cache per API key (<see cref="State.KeyState"/>);</item>
/// <item>the status and body of the first request whose endpoint began executing are kept for 24 hours of the key's
/// clock (Unix seconds, the test clock included), success or failure (a 402, a <c>balance_insufficient</c> 400, a 500),
/// and replayed;</item>
/// <item>a request refused before execution (parameter validation, <c>Stripe-Account</c> refused, rate limited, an
/// emulator bug) is <see cref="Abandon"/>ed: nothing is kept and the same key may be tried again;</item>
/// <item>the same key with another method, path or parameters: 400 <c>idempotency_error</c> (no <c>code</c>, as Stripe);
/// the same key while the first request is still executing: 409 <c>idempotency_error</c> / <c>idempotency_key_in_use</c>
/// (https://docs.stripe.com/error-codes#idempotency-key-in-use).</item>
/// </list>
/// Bounded: beyond capacity the oldest entries are forgotten first. Thread-safe.
/// </summary>
internal sealed class IdempotencyCache(int capacity)
{
    /// <summary>How long a saved result is replayed: Stripe keeps keys at least 24 hours.</summary>
    public const long LifetimeSeconds = 24 * 60 * 60;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Queue<(string Scope, Entry Entry)> _order = new();
    private readonly object _gate = new();

    /// <summary>A reserved key: <see cref="Completed"/> once its answer is saved.</summary>
    public sealed class Entry(string fingerprint, long createdAt)
    {
        public string Fingerprint { get; } = fingerprint;

        /// <summary>When the first request arrived, Unix seconds of the key's clock.</summary>
        public long CreatedAt { get; } = createdAt;

        public bool Completed { get; set; }

        public int Status { get; set; }

        public string Body { get; set; } = "";
    }

    /// <summary>
    /// Reserves <paramref name="key"/> of <paramref name="account"/> (null: the platform) for a request with
    /// <paramref name="fingerprint"/> (method, path and parameters) at <paramref name="now"/> (Unix seconds), or returns
    /// the saved entry to replay. Throws 400 <c>idempotency_error</c> for another fingerprint and 409
    /// <c>idempotency_key_in_use</c> while the first request is still executing.
    /// </summary>
    public Entry? BeginOrReplay(string? account, string key, string fingerprint, long now)
    {
        var scope = Scope(account, key);
        lock (_gate)
        {
            if (_entries.TryGetValue(scope, out var entry) && now - entry.CreatedAt < LifetimeSeconds)
            {
                if (entry.Fingerprint != fingerprint)
                    throw new StripeApiException(400, "idempotency_error", null,
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
                if (!entry.Completed)
                    throw new StripeApiException(409, "idempotency_error", "idempotency_key_in_use",
                        "There is currently another in-progress request using this Stripe-Account and Idempotency Key. Try again later.");
                return entry;
            }
            var reserved = new Entry(fingerprint, now);
            _entries[scope] = reserved;
            _order.Enqueue((scope, reserved));
            while (_order.Count > capacity && _order.TryDequeue(out var oldest))
                if (_entries.TryGetValue(oldest.Scope, out var current) && ReferenceEquals(current, oldest.Entry)) _entries.Remove(oldest.Scope);
            return null;
        }
    }

    /// <summary>Saves the answer of a request whose endpoint began executing (any status): it is replayed from now on.</summary>
    public void Complete(string? account, string key, int status, string body)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(Scope(account, key), out var entry)) return;
            entry.Status = status;
            entry.Body = body;
            entry.Completed = true;
        }
    }

    /// <summary>Forgets a reservation whose request was refused before execution: the key may be used again.</summary>
    public void Abandon(string? account, string key)
    {
        lock (_gate) _entries.Remove(Scope(account, key));
    }

    private static string Scope(string? account, string key) => $"{account}\n{key}";
}
