using System.Net;
using System.Threading.RateLimiting;

namespace Marketplace.StripeGateway;

/// <summary>
/// Keeps this process's Stripe calls under a request rate (Stripe allows 100 reads/s live and 25 in test mode,
/// https://docs.stripe.com/rate-limits). Requests over the rate wait their turn (up to a queue of 1,000) instead of
/// drawing 429s; past that the caller gets a 429 like Stripe's, which Stripe.net and Hangfire retry.
/// </summary>
public sealed class StripeRateLimitHandler(int requestsPerSecond) : DelegatingHandler
{
    private readonly TokenBucketRateLimiter _limiter = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, requestsPerSecond),
        TokensPerPeriod = Math.Max(1, requestsPerSecond),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 1_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            return new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                RequestMessage = request,
                Content = new StringContent("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Local Stripe request queue is full.\"}}"),
            };
        }

        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _limiter.Dispose();
        base.Dispose(disposing);
    }
}
