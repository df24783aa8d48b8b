namespace Marketplace.StripeEmulator.Control;

/// <summary>
/// Makes the next API calls of one key fail with 429 <c>rate_limit</c> or 500 <c>api_error</c>. Plans queue up:
/// <c>FailNext(500, 1)</c> then <c>FailNext(429, 1)</c> fails the next call with 500 and the one after with 429.
/// <c>FailNext(s, 0)</c> clears every plan. Thread-safe.
/// </summary>
internal sealed class ApiChaos
{
    private readonly object _gate = new();
    private readonly List<FailurePlan> _plans = [];

    public void FailNext(int status, int count)
    {
        if (status is not (429 or 500)) throw new ArgumentOutOfRangeException(nameof(status), "Only 429 and 500 are supported.");
        lock (_gate)
        {
            if (count <= 0) _plans.Clear();
            else _plans.Add(new FailurePlan(status, count));
        }
    }

    public int Remaining
    {
        get
        {
            lock (_gate) return _plans.Sum(p => p.Remaining);
        }
    }

    /// <summary>Consumes one planned failure: returns its status, or null when the call should run normally.</summary>
    public int? TakeFailure()
    {
        lock (_gate)
        {
            if (_plans.Count == 0) return null;
            var plan = _plans[0];
            if (--plan.Remaining == 0) _plans.RemoveAt(0);
            return plan.Status;
        }
    }

    private sealed class FailurePlan(int status, int remaining)
    {
        public int Status { get; } = status;

        public int Remaining { get; set; } = remaining;
    }
}
