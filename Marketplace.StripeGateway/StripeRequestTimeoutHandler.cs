namespace Marketplace.StripeGateway;

/// <summary>
/// One Stripe request's time limit (<see cref="StripeOptions.RequestTimeoutSeconds"/>), applied to the request on the
/// wire only: under <see cref="StripeBudgetHandler"/>, so the time a request waits for its turn in the budget (long, for
/// background work on a busy day) never counts against it. A request over the limit throws
/// <see cref="TaskCanceledException"/> with an inner <see cref="TimeoutException"/>, as <see cref="HttpClient.Timeout"/>
/// does: Stripe.net retries it as a network error.
/// </summary>
public sealed class StripeRequestTimeoutHandler(TimeSpan timeout, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return await base.SendAsync(request, linked.Token);
        }
        catch (OperationCanceledException ex) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException($"The Stripe request timed out after {timeout.TotalSeconds:0.#} s.", new TimeoutException(ex.Message, ex));
        }
    }
}
