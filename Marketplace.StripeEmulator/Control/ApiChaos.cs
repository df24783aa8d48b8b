namespace Marketplace.StripeEmulator.Control;

/// <summary>Makes the next N API calls of one key fail with 429 <c>rate_limit</c> or 500 <c>api_error</c>. Thread-safe.</summary>
internal sealed class ApiChaos
{
    private readonly object _gate = new();
    private int _remaining;
    private int _status;

    public void FailNext(int status, int count)
    {
        if (status is not (429 or 500)) throw new ArgumentOutOfRangeException(nameof(status), "Only 429 and 500 are supported.");
        lock (_gate) { _status = status; _remaining = Math.Max(0, count); }
    }

    public int Remaining { get { lock (_gate) return _remaining; } }

    /// <summary>Consumes one planned failure: returns its status, or null when the call should run normally.</summary>
    public int? TakeFailure()
    {
        lock (_gate)
        {
            if (_remaining <= 0) return null;
            _remaining--;
            return _status;
        }
    }
}
