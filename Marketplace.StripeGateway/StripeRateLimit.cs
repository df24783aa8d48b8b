using System.Net;
using Stripe;

namespace Marketplace.StripeGateway;

/// <summary>
/// Recognises a Stripe rate limit (https://docs.stripe.com/rate-limits): HTTP 429, whether Stripe answered it or this
/// process's <see cref="StripeBudgetHandler"/> did. Nothing ran at Stripe, so the same call may be made again later.
/// </summary>
public static class StripeRateLimit
{
    /// <summary>True when <paramref name="exception"/> is a Stripe call refused for its rate (HTTP 429).</summary>
    public static bool IsRateLimited(Exception exception) =>
        exception is StripeException { HttpStatusCode: HttpStatusCode.TooManyRequests };
}
