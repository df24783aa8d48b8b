namespace Marketplace.StripeEmulator.Control;

/// <summary>
/// Makes the next API calls of one key fail with 429 <c>rate_limit</c> or 500 <c>api_error</c>, or hang for a while
/// before being answered normally (a client with a shorter timeout sees a timeout). Plans queue up:
/// <c>FailNext(500, 1)</c>, <c>FailNext(429, 1)</c>, <c>DelayNext(5 s, 1)</c> fails the next call with 500, the one after
/// with 429, and holds the third for 5 s. <c>FailNext(s, 0)</c> or <c>DelayNext(d, 0)</c> clears every plan. Thread-safe.
/// </summary>
internal sealed class ApiChaos
{
    private readonly object _gate = new();
    private readonly List<FailurePlan> _plans = [];

    /// <summary>
    /// Fails the next <paramref name="count"/> calls with <paramref name="status"/> (429 or 500). By default the failure
    /// comes before the endpoint executes (at Stripe's edge): nothing is saved for an <c>Idempotency-Key</c>, a retry
    /// with the same key runs. <paramref name="duringExecution"/> (500 only): the endpoint fails while executing, and
    /// Stripe saves that 500 for the key like any other result (https://docs.stripe.com/api/idempotent_requests).
    /// </summary>
    public void FailNext(int status, int count, bool duringExecution = false)
    {
        if (status is not (429 or 500)) throw new ArgumentOutOfRangeException(nameof(status), "Only 429 and 500 are supported.");
        if (duringExecution && status != 500) throw new ArgumentOutOfRangeException(nameof(status), "Only a 500 fails during execution.");
        Add(new FailurePlan(status, null, count) { DuringExecution = duringExecution });
    }

    /// <summary>
    /// Holds the next <paramref name="count"/> calls for <paramref name="delay"/> each, then handles them normally. By default
    /// the call is held before it reaches the endpoint (a client giving up meanwhile leaves nothing done). With
    /// <paramref name="duringExecution"/> the endpoint is executing slowly: its <c>Idempotency-Key</c> is held (a second
    /// request with it gets 409 <c>idempotency_key_in_use</c>) and it completes even if the client gave up.
    /// </summary>
    public void DelayNext(TimeSpan delay, int count, bool duringExecution = false)
    {
        if (delay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay), "The delay must be positive.");
        Add(new FailurePlan(null, delay, count) { DuringExecution = duringExecution });
    }

    public int Remaining
    {
        get
        {
            lock (_gate) return _plans.Sum(p => p.Remaining);
        }
    }

    /// <summary>
    /// Consumes one planned fault: a status to answer, a delay to wait before handling the call, or null when the call
    /// should run normally.
    /// </summary>
    public ChaosAction? TakeFailure()
    {
        lock (_gate)
        {
            if (_plans.Count == 0) return null;
            var plan = _plans[0];
            if (--plan.Remaining == 0) _plans.RemoveAt(0);
            return new ChaosAction(plan.Status, plan.Delay, plan.DuringExecution);
        }
    }

    private void Add(FailurePlan plan)
    {
        lock (_gate)
        {
            if (plan.Remaining <= 0) _plans.Clear();
            else _plans.Add(plan);
        }
    }

    private sealed class FailurePlan(int? status, TimeSpan? delay, int remaining)
    {
        public int? Status { get; } = status;

        public TimeSpan? Delay { get; } = delay;

        public int Remaining { get; set; } = remaining;

        public bool DuringExecution { get; init; }
    }
}

/// <summary>
/// One planned fault: answer <paramref name="Status"/> at once (or, with <paramref name="DuringExecution"/>, once the
/// endpoint began executing), or wait <paramref name="Delay"/> then answer normally.
/// </summary>
internal sealed record ChaosAction(int? Status, TimeSpan? Delay, bool DuringExecution = false);
