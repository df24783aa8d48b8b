using System.Threading.RateLimiting;

namespace Marketplace.StripeGateway;

/// <summary>
/// This process's Stripe request budget (https://docs.stripe.com/rate-limits), split into two lanes, built from
/// System.Threading.RateLimiting token buckets paced one request at a time (no bursts, so the rate seen by Stripe over
/// any second stays at the configured one):
/// <list type="bullet">
/// <item><see cref="StripeLane.Interactive"/>: a reserved bucket of <c>RequestsPerSecond × InteractiveShare</c>
/// requests a second (at least 1) that background work never touches. An interactive request takes a reserved token,
/// else a free shared one, else waits for a reserved one up to <see cref="InteractiveWait"/>; past that it is refused
/// (the caller shows "Stripe is busy").</item>
/// <item><see cref="StripeLane.Background"/>: the shared bucket, the rest of the budget; requests wait in order for as
/// long as it takes and are never refused.</item>
/// </list>
/// The two buckets add up to <c>RequestsPerSecond</c>. The interactive share is kept even while no person is waiting:
/// background work runs at most at <c>(1 − InteractiveShare)</c> of the budget.
/// </summary>
public sealed class StripeRequestBudget : IDisposable
{
    private readonly TokenBucketRateLimiter _reserved;
    private readonly TokenBucketRateLimiter _shared;
    private readonly TimeProvider _clock;

    /// <summary>Builds the budget.</summary>
    /// <param name="requestsPerSecond">This process's whole Stripe budget, requests a second (at least 2).</param>
    /// <param name="interactiveShare">The share reserved for interactive requests, between 0 and 1.</param>
    /// <param name="interactiveWait">How long an interactive request may wait for a token before it is refused.</param>
    /// <param name="clock">The clock of the interactive wait.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate below 2 or a share outside (0, 1).</exception>
    public StripeRequestBudget(int requestsPerSecond, double interactiveShare, TimeSpan interactiveWait, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 2);
        if (interactiveShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(interactiveShare), "Between 0 and 1, exclusive.");
        ReservedPerSecond = Math.Clamp((int)Math.Round(requestsPerSecond * interactiveShare), 1, requestsPerSecond - 1);
        SharedPerSecond = requestsPerSecond - ReservedPerSecond;
        InteractiveWait = interactiveWait;
        _clock = clock;
        _reserved = Paced(ReservedPerSecond, queueLimit: 10_000);
        _shared = Paced(SharedPerSecond, queueLimit: int.MaxValue);
    }

    /// <summary>Requests a second only interactive requests may use.</summary>
    public int ReservedPerSecond { get; }

    /// <summary>Requests a second left to background work (and to interactive requests when free).</summary>
    public int SharedPerSecond { get; }

    /// <summary>The longest an interactive request waits for a token.</summary>
    public TimeSpan InteractiveWait { get; }

    /// <summary>
    /// Waits for the right to send one request in <paramref name="lane"/>. The lease must be disposed once the request is
    /// sent; a lease with <see cref="RateLimitLease.IsAcquired"/> false means "busy" (interactive lane only).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<RateLimitLease> AcquireAsync(StripeLane lane, CancellationToken cancellationToken)
    {
        if (lane == StripeLane.Background) return await _shared.AcquireAsync(1, cancellationToken);

        var lease = _reserved.AttemptAcquire();
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        lease = _shared.AttemptAcquire(); // refused while background requests are queued on it: they came first
        if (lease.IsAcquired) return lease;
        lease.Dispose();

        using var wait = new CancellationTokenSource(InteractiveWait, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
        try
        {
            return await _reserved.AcquireAsync(1, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused.Instance;
        }
    }

    /// <summary>A lease that was not granted: the "busy" answer of an interactive request that waited too long.</summary>
    internal static RateLimitLease RefusedLease => Refused.Instance;

    private static TokenBucketRateLimiter Paced(int perSecond, int queueLimit) => new(StripeEndpointLimits.Paced(perSecond, queueLimit));

    /// <inheritdoc />
    public void Dispose()
    {
        _reserved.Dispose();
        _shared.Dispose();
    }

    private sealed class Refused : RateLimitLease
    {
        public static readonly Refused Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
