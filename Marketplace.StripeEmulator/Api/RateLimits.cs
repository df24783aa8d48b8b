using System.Threading.RateLimiting;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// Stripe's API rate limiter (https://docs.stripe.com/rate-limits), as middleware in front of the <c>/v1</c> endpoints only
/// (never the control API <c>/_emulator/…</c> or the hosted pages). Chosen by <see cref="StripeEmulatorOptions.RateLimits"/>:
/// <list type="bullet">
/// <item><c>off</c> (default): no limit;</item>
/// <item><c>test</c> (a sandbox): 25 requests a second per account, and 25 a second per endpoint;</item>
/// <item><c>live</c>: 100 a second per account, 25 a second per endpoint; search endpoints (<c>…/search</c>) and Files 20.</item>
/// </list>
/// "Per account": the API key's platform, or, for a request with <c>Stripe-Account</c>, that connected account (the
/// request is made as the connected account, so it uses that account's allowance, not the platform's). An endpoint is one
/// named API operation, the route's template (<c>GET /v1/invoices/{id}</c> whatever the id). Sliding windows of one second
/// (ten segments) from System.Threading.RateLimiting; the endpoint limit is checked first (it is the stricter), then the
/// account's. Beyond a limit: 429 <c>{"error":{"type":"invalid_request_error","code":"rate_limit","message":…}}</c> with
/// <c>Stripe-Should-Retry: true</c> and <c>Stripe-Rate-Limited-Reason</c> <c>endpoint-rate</c> or <c>global-rate</c>;
/// the call is logged in the request log and nothing runs (an <c>Idempotency-Key</c> keeps nothing).
/// Real time, not the test clock: a rate is about how fast the client calls.
/// </summary>
internal sealed class RateLimits : IAsyncDisposable
{
    /// <summary>The accepted values of <see cref="StripeEmulatorOptions.RateLimits"/>.</summary>
    public static readonly string[] Modes = ["off", "test", "live"];

    private readonly PartitionedRateLimiter<string>? _global;
    private readonly PartitionedRateLimiter<string>? _endpoint;

    public RateLimits(string mode)
    {
        if (!Modes.Contains(mode))
            throw new ArgumentException($"StripeEmulator:RateLimits must be one of {string.Join(", ", Modes)}, got '{mode}'.", nameof(mode));
        if (mode == "off") return;
        var live = mode == "live";
        _global = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => Window(live ? 100 : 25)));
        _endpoint = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key,
            _ => Window(live && IsSearchOrFiles(key) ? 20 : 25)));
    }

    public bool Enabled => _global is not null;

    /// <summary>Lets the call through, or answers the 429 itself.</summary>
    public async Task InvokeAsync(HttpContext http, Func<Task> next, Emulator emulator)
    {
        if (_global is null || !http.Request.Path.StartsWithSegments("/v1")) { await next(); return; }
        string apiKey;
        try { apiKey = ApiPipeline.Authenticate(http); }
        catch (StripeApiException) { await next(); return; } // the pipeline answers 401; nothing to count it against

        var account = http.Request.Headers["Stripe-Account"].ToString();
        var scope = $"{apiKey}|{(string.IsNullOrEmpty(account) ? "platform" : account)}";
        var template = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        var endpointKey = $"{scope}|{http.Request.Method} {template}";
        using var endpointLease = _endpoint!.AttemptAcquire(endpointKey);
        if (!endpointLease.IsAcquired) { await RefuseAsync(http, emulator, apiKey, account, "endpoint-rate"); return; }
        using var globalLease = _global.AttemptAcquire(scope);
        if (!globalLease.IsAcquired) { await RefuseAsync(http, emulator, apiKey, account, "global-rate"); return; }
        await next();
    }

    private static SlidingWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromSeconds(1),
        SegmentsPerWindow = 10,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static bool IsSearchOrFiles(string endpointKey) =>
        endpointKey.EndsWith("/search", StringComparison.Ordinal) || endpointKey.Contains(" /v1/files", StringComparison.Ordinal);

    private static async Task RefuseAsync(HttpContext http, Emulator emulator, string apiKey, string account, string reason)
    {
        var requestId = Ids.New("req_", 14);
        emulator.Store.GetOrCreate(apiKey).Requests.Add(new EmulatorRequest
        {
            Method = http.Request.Method,
            Path = http.Request.Path.Value ?? "",
            StripeAccount = string.IsNullOrEmpty(account) ? null : account,
            IdempotencyKey = http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null,
            Parameters = FormPairs.Parse(http.Request.QueryString.Value).ToList(),
            Status = 429,
            At = TimeProvider.System.GetUtcNow(),
        });
        http.Response.StatusCode = 429;
        http.Response.ContentType = "application/json";
        http.Response.Headers["Request-Id"] = requestId;
        http.Response.Headers["Stripe-Should-Retry"] = "true";
        http.Response.Headers["Stripe-Rate-Limited-Reason"] = reason;
        await http.Response.WriteAsync(RateLimited().ToJson().ToJsonString());
    }

    /// <summary>Stripe's rate-limit error body (https://docs.stripe.com/rate-limits, https://docs.stripe.com/error-codes#rate-limit).</summary>
    public static StripeApiException RateLimited() => new(429, "invalid_request_error", "rate_limit",
        "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.");

    public ValueTask DisposeAsync()
    {
        _global?.Dispose();
        _endpoint?.Dispose();
        return ValueTask.CompletedTask;
    }
}
