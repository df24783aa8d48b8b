using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.StripeGateway;

/// <summary>
/// Builds the one Stripe.net client of the process. The same client talks to Stripe or to the emulator: only
/// <see cref="StripeOptions.ApiBase"/> differs (it is also the files base, where Stripe.net sends uploads). Requests go through <see cref="StripeBudgetHandler"/> (Stripe's
/// per-endpoint limit, <see cref="StripeEndpointLimits"/>, then the process's <see cref="StripeRequestBudget"/>, in lanes), and Stripe.net retries network errors, 409, 5xx and the 429s Stripe
/// marks <c>Stripe-Should-Retry: true</c> itself (<see cref="StripeOptions.MaxNetworkRetries"/>).
/// </summary>
public static class StripeClientFactory
{
    /// <summary>Creates the client; in emulator mode the key is <see cref="StripeOptions.EmulatorSecretKey"/>.</summary>
    /// <exception cref="InvalidOperationException">Emulator mode without an API base (the emulator did not start).</exception>
    public static StripeClient Create(StripeOptions options, HttpMessageHandler? innerHandler = null)
    {
        var apiKey = options.UsesEmulator ? StripeOptions.EmulatorSecretKey : options.SecretKey!;
        if (options.UsesEmulator && string.IsNullOrEmpty(options.ApiBase))
            throw new InvalidOperationException("Stripe emulator mode needs Stripe:ApiBase (set when the in-process emulator starts).");

        var budget = new StripeRequestBudget(options.RequestsPerSecond, options.InteractiveShare,
            TimeSpan.FromSeconds(options.InteractiveWaitSeconds), TimeProvider.System);
        var endpoints = new StripeEndpointLimits(options.RequestsPerSecondPerEndpoint, options.InteractiveShare,
            TimeSpan.FromSeconds(options.InteractiveWaitSeconds), TimeProvider.System);
        var handler = new StripeBudgetHandler(budget, TimeProvider.System, options.BackgroundRetriesOn429, endpoints)
        {
            InnerHandler = new StripeRequestTimeoutHandler(TimeSpan.FromSeconds(options.RequestTimeoutSeconds), TimeProvider.System)
            {
                InnerHandler = innerHandler ?? new SocketsHttpHandler(),
            },
        };
        // The time limit is per request on the wire (StripeRequestTimeoutHandler), not the wait for the budget.
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var stripeHttp = new SystemNetHttpClient(http, options.MaxNetworkRetries);
        return string.IsNullOrEmpty(options.ApiBase)
            ? new StripeClient(apiKey, httpClient: stripeHttp)
            // File uploads go to Stripe.net's FilesBase (files.stripe.com), not the API base: the same base serves both here.
            : new StripeClient(apiKey, httpClient: stripeHttp, apiBase: options.ApiBase.TrimEnd('/'), filesBase: options.ApiBase.TrimEnd('/'));
    }

    /// <summary>Creates the client from the validated options.</summary>
    public static StripeClient Create(IOptions<StripeOptions> options) => Create(options.Value);
}
