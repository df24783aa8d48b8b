using System.Threading.RateLimiting;

namespace Marketplace.StripeGateway;

/// <summary>
/// Stripe's per-endpoint limit kept by this process (https://docs.stripe.com/rate-limits: 25 requests a second per
/// endpoint "unless stated otherwise", search and Files 20 in live mode; an endpoint is one named operation, e.g.
/// <c>GET /v1/invoices/{id}</c> for any invoice; counted per account, a request with <c>Stripe-Account</c> against that
/// connected account). Two <see cref="PartitionedRateLimiter{TResource}"/>s keyed by <see cref="KeyOf"/>, paced one
/// request at a time like <see cref="StripeRequestBudget"/>, split the same way between the lanes:
/// <list type="bullet">
/// <item><see cref="StripeLane.Interactive"/>: a reserved share of each endpoint's rate (<c>interactiveShare</c>, at least
/// one a second); an interactive request takes a reserved token, else a free shared one, else waits for a reserved one up
/// to <see cref="StripeRequestBudget.InteractiveWait"/>; past that it is refused (the page says Stripe is busy).</item>
/// <item><see cref="StripeLane.Background"/>: the rest of each endpoint's rate; waits in order, never refused.</item>
/// </list>
/// The rate paced is <see cref="Headroom"/> of the configured one: a request is counted by Stripe when it arrives, and
/// requests sent at exact intervals arrive bunched by the network and the client's own scheduling.
/// </summary>
public sealed class StripeEndpointLimits : IDisposable
{
    /// <summary>The share of the configured per-endpoint rate actually paced.</summary>
    public const double Headroom = 0.9;

    /// <summary>Stripe's stricter per-endpoint limit for search endpoints and Files in live mode, requests a second.</summary>
    public const int SearchAndFilesPerSecond = 20;

    // The first segments of a path that name a namespace of resources, not a resource (checkout/sessions, billing_portal/…).
    private static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal)
    {
        "apps", "billing", "billing_portal", "checkout", "climate", "entitlements", "financial_connections", "forwarding",
        "identity", "issuing", "radar", "reporting", "sigma", "tax", "terminal", "test_helpers", "treasury",
    };

    // Words found where an id would be: a collection's own operations (GET /v1/customers/search, /v1/invoices/upcoming).
    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "search", "upcoming", "create_preview", "preview",
    };

    private readonly PartitionedRateLimiter<string> _reserved;
    private readonly PartitionedRateLimiter<string> _shared;
    private readonly TimeSpan _interactiveWait;
    private readonly TimeProvider _clock;

    /// <summary>Builds the limits.</summary>
    /// <param name="perEndpointPerSecond">Stripe's per-endpoint limit to stay under, requests a second (at least 2).</param>
    /// <param name="interactiveShare">The share of each endpoint's rate reserved for interactive requests, in (0, 1).</param>
    /// <param name="interactiveWait">How long an interactive request may wait for its turn before it is refused.</param>
    /// <param name="clock">The clock of the interactive wait.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate below 2 or a share outside (0, 1).</exception>
    public StripeEndpointLimits(int perEndpointPerSecond, double interactiveShare, TimeSpan interactiveWait, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perEndpointPerSecond, 2);
        if (interactiveShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(interactiveShare), "Between 0 and 1, exclusive.");
        PerSecond = perEndpointPerSecond;
        _interactiveWait = interactiveWait;
        _clock = clock;
        _reserved = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key,
            k => Paced(Reserved(RateOf(k), interactiveShare), queueLimit: 10_000)));
        _shared = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key,
            k => Paced(RateOf(k) - Reserved(RateOf(k), interactiveShare), queueLimit: int.MaxValue)));
    }

    /// <summary>The configured per-endpoint limit, requests a second.</summary>
    public int PerSecond { get; }

    /// <summary>
    /// The limiter's key of a request: its account (<c>Stripe-Account</c>, or <c>platform</c>), its method and its path
    /// with every id replaced by <c>*</c>, e.g. <c>platform|GET /v1/invoices/*</c> or
    /// <c>acct_1|POST /v1/accounts/*/login_links</c>. Query strings are left out.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request's absolute path, e.g. <c>/v1/checkout/sessions/cs_test_1</c>.</param>
    /// <param name="stripeAccount">The <c>Stripe-Account</c> header's value; null or empty for the platform.</param>
    public static string KeyOf(HttpMethod method, string path, string? stripeAccount) =>
        $"{(string.IsNullOrEmpty(stripeAccount) ? "platform" : stripeAccount)}|{method.Method} {TemplateOf(path)}";

    /// <summary>
    /// The path's template: after <c>/v1</c> and any namespace (<c>checkout</c>, <c>test_helpers</c>, …) segments
    /// alternate between a resource and an id (<c>/v1/accounts/{id}/capabilities/{name}</c>); each id becomes <c>*</c>,
    /// except the collection operations <c>search</c>, <c>upcoming</c> and <c>create_preview</c>.
    /// </summary>
    /// <param name="path">An absolute path; a query string is ignored.</param>
    public static string TemplateOf(string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) path = path[..query];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var i = segments.Length > 0 && segments[0] == "v1" ? 1 : 0;
        while (i < segments.Length && Namespaces.Contains(segments[i])) i++;
        for (var id = i + 1; id < segments.Length; id += 2)
        {
            if (!Operations.Contains(segments[id])) segments[id] = "*";
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// Waits for the right to send one request to the endpoint of <paramref name="key"/> (<see cref="KeyOf"/>) in
    /// <paramref name="lane"/>. The lease is disposed once the request is sent; a lease with
    /// <see cref="RateLimitLease.IsAcquired"/> false means "busy" (interactive lane only).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<RateLimitLease> AcquireAsync(string key, StripeLane lane, CancellationToken cancellationToken)
    {
        if (lane == StripeLane.Background) return await _shared.AcquireAsync(key, 1, cancellationToken);

        var lease = _reserved.AttemptAcquire(key);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        lease = _shared.AttemptAcquire(key); // refused while background requests of this endpoint are queued: they came first
        if (lease.IsAcquired) return lease;
        lease.Dispose();

        using var wait = new CancellationTokenSource(_interactiveWait, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
        try
        {
            return await _reserved.AcquireAsync(key, 1, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StripeRequestBudget.RefusedLease;
        }
    }

    /// <summary>The rate paced for the endpoint of <paramref name="key"/>, requests a second (after <see cref="Headroom"/>).</summary>
    public double RateOf(string key) =>
        Headroom * (IsSearchOrFiles(key) ? Math.Min(PerSecond, SearchAndFilesPerSecond) : PerSecond);

    private static bool IsSearchOrFiles(string key) =>
        key.EndsWith("/search", StringComparison.Ordinal) || key.Contains(" /v1/files", StringComparison.Ordinal);

    private static double Reserved(double rate, double share) => Math.Clamp(rate * share, 1, rate - 1);

    /// <summary>
    /// A token bucket that hands out one request every <c>1 / <paramref name="perSecond"/></c> seconds, no bursts, waiters
    /// served oldest first (at most <paramref name="queueLimit"/> waiting): the pacing of every Stripe budget bucket.
    /// </summary>
    internal static TokenBucketRateLimiterOptions Paced(double perSecond, int queueLimit) => new()
    {
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond)),
        QueueLimit = queueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _reserved.Dispose();
        _shared.Dispose();
    }
}
