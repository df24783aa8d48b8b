using System.Net;

namespace Marketplace.StripeGateway;

/// <summary>
/// The HTTP handler under Stripe.net's client that keeps every request within Stripe's per-endpoint limit
/// (<see cref="StripeEndpointLimits"/>, taken first) and then within <see cref="StripeRequestBudget"/>, in the lane of the
/// code making it (<see cref="StripeLanes.Current"/>):
/// <list type="bullet">
/// <item>an interactive request that gets no token within the wait (of its endpoint's limit, then of the budget) is answered here with a 429 like Stripe's
/// (<c>code=rate_limit</c>) and <c>Stripe-Should-Retry: false</c>, so Stripe.net does not retry it and the caller shows
/// "Stripe is busy, try again in a moment";</item>
/// <item>a background request that Stripe answers 429 (another process, or Stripe's per-endpoint limit) is sent again
/// here after a backoff of 1, 2, 4, 8 then 10 s (with jitter), up to <c>backgroundRetries</c> times, each time
/// taking a new token, unless Stripe said <c>Stripe-Should-Retry: false</c>. Nothing ran at Stripe for a 429, so the
/// same request (idempotency key included) is safe to send again. An interactive request's 429 is left to
/// Stripe.net's own retries (<c>Stripe:MaxNetworkRetries</c>), which follow <c>Stripe-Should-Retry</c>.</item>
/// </list>
/// </summary>
/// <param name="budget">The process's budget.</param>
/// <param name="clock">The clock of the backoff.</param>
/// <param name="backgroundRetries">How many times a background request answered 429 is sent again before its caller sees the 429.</param>
/// <param name="endpoints">The per-endpoint limits; none when null (a test of the budget alone).</param>
public sealed class StripeBudgetHandler(StripeRequestBudget budget, TimeProvider clock, int backgroundRetries = 8,
    StripeEndpointLimits? endpoints = null) : DelegatingHandler
{
    /// <summary>The <c>error.message</c> of the 429 answered here when an interactive request cannot get a token.</summary>
    public const string BusyMessage = "This app's Stripe request budget is spent for now; try again in a moment.";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var lane = StripeLanes.Current;
        if (request.Method != HttpMethod.Get) StripeReadMemo.Writing();
        var endpointKey = endpoints is null ? null : StripeEndpointLimits.KeyOf(request.Method, request.RequestUri?.AbsolutePath ?? "",
            request.Headers.TryGetValues("Stripe-Account", out var account) ? account.FirstOrDefault() : null);
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using (var endpointLease = endpointKey is null ? null : await endpoints!.AcquireAsync(endpointKey, lane, cancellationToken))
            {
                if (endpointLease is { IsAcquired: false }) return Busy(request);
                using var lease = await budget.AcquireAsync(lane, cancellationToken);
                if (!lease.IsAcquired) return Busy(request);
                response = await base.SendAsync(request, cancellationToken);
            }

            if (lane != StripeLane.Background || response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= backgroundRetries
                || (response.Headers.TryGetValues("Stripe-Should-Retry", out var advice) && advice.FirstOrDefault() == "false"))
                return response;
            response.Dispose();
            await Task.Delay(Backoff(attempt), clock, cancellationToken);
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(10_000, 1_000 * Math.Pow(2, attempt)) * (0.75 + Random.Shared.NextDouble() / 2));

    private static HttpResponseMessage Busy(HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            Content = new StringContent(
                "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"" + BusyMessage + "\"}}",
                System.Text.Encoding.UTF8, "application/json"),
        };
        response.Headers.Add("Stripe-Should-Retry", "false");
        return response;
    }
}
