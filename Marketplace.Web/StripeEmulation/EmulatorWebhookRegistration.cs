using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Polly;
using Polly.Retry;

namespace Marketplace.Web.StripeEmulation;

/// <summary>
/// In emulator mode, once the app listens, registers its two webhook endpoints with the emulator
/// (<c>POST /v1/webhook_endpoints</c>, the Connect one with <c>connect=true</c>) and takes the signing secrets Stripe
/// returns. An endpoint whose secret is configured is not registered: configured secrets always win. It runs once
/// every hosted service has started (the server listens, its address is known) and start-up waits for it, so no
/// request or job runs before the secrets are known. A failed registration (the emulator slow to answer on a loaded
/// machine, a timeout) is tried again, up to <see cref="MaxAttempts"/> times in all with exponential back-off from
/// <see cref="FirstDelay"/> (Polly's retry strategy); only then are webhooks left refused, with an error logged.
/// </summary>
internal sealed class EmulatorWebhookRegistration(
    IServer server,
    IServiceScopeFactory scopes,
    WebhookSecrets secrets,
    ILogger<EmulatorWebhookRegistration> logger) : IHostedLifecycleService
{
    /// <summary>Registration attempts in all, the first one included.</summary>
    internal const int MaxAttempts = 5;

    /// <summary>The wait before the second attempt; it doubles before each next one (0.5, 1, 2, 4 s).</summary>
    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = MaxAttempts - 1,
            Delay = FirstDelay,
            BackoffType = DelayBackoffType.Exponential,
            // Any failure, a request timeout included, but not the host's own shutdown.
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null && !args.Context.CancellationToken.IsCancellationRequested),
            OnRetry = args =>
            {
                logger.LogWarning(args.Outcome.Exception, "Registering the webhook endpoints with the Stripe emulator failed (attempt {Attempt}); trying again in {Delay}", args.AttemptNumber + 1, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => RegisterAsync(cancellationToken);

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            logger.LogInformation("No listening address (in-memory test server): webhook endpoints are not registered with the emulator");
            return;
        }

        var baseUrl = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        try
        {
            await _retry.ExecuteAsync(ct => RegisterEndpointsAsync(baseUrl, ct), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping (SIGTERM during start-up): nothing to register any more, and no reason to fail the stop.
            logger.LogInformation("The app is stopping: webhook endpoints not registered with the Stripe emulator");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not register webhook endpoints with the Stripe emulator after {Attempts} attempts; webhooks will be refused", MaxAttempts);
        }
    }

    private async ValueTask RegisterEndpointsAsync(string baseUrl, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stripe = scope.ServiceProvider.GetRequiredService<IStripeGateway>();
        foreach (var (kind, path, events) in new[]
                 {
                     (WebhookEndpointKind.Billing, "billing", StripeEventTypes.Billing),
                     (WebhookEndpointKind.Connect, "connect", StripeEventTypes.Connect),
                 })
        {
            if (secrets.Has(kind)) continue;
            var endpoint = await stripe.CreateWebhookEndpointAsync($"{baseUrl}/api/webhooks/stripe/{path}", kind == WebhookEndpointKind.Connect, events, cancellationToken);
            secrets.UseRegistered(kind, endpoint.Secret);
            logger.LogInformation("Registered the {Endpoint} webhook endpoint {WebhookEndpointId} with the Stripe emulator at {Url}", kind, endpoint.Id, endpoint.Url);
        }
    }
}
