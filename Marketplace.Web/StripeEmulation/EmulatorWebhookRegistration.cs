using Marketplace.Core.StripeGateway;
using Marketplace.Core.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Marketplace.Web.StripeEmulation;

/// <summary>
/// In emulator mode, once the app listens, registers its two webhook endpoints with the emulator
/// (<c>POST /v1/webhook_endpoints</c>, the Connect one with <c>connect=true</c>) and takes the signing secrets Stripe
/// returns. An endpoint whose secret is configured is not registered: configured secrets always win.
/// </summary>
internal sealed class EmulatorWebhookRegistration(
    IHostApplicationLifetime lifetime,
    IServer server,
    IServiceScopeFactory scopes,
    WebhookSecrets secrets,
    ILogger<EmulatorWebhookRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = RegisterAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterAsync()
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
            await using var scope = scopes.CreateAsyncScope();
            var stripe = scope.ServiceProvider.GetRequiredService<IStripeGateway>();
            foreach (var (kind, path, events) in new[]
                     {
                         (WebhookEndpointKind.Billing, "billing", StripeEventTypes.Billing),
                         (WebhookEndpointKind.Connect, "connect", StripeEventTypes.Connect),
                     })
            {
                if (secrets.Has(kind)) continue;
                var endpoint = await stripe.CreateWebhookEndpointAsync($"{baseUrl}/api/webhooks/stripe/{path}", kind == WebhookEndpointKind.Connect, events);
                secrets.UseRegistered(kind, endpoint.Secret);
                logger.LogInformation("Registered the {Endpoint} webhook endpoint {WebhookEndpointId} with the Stripe emulator at {Url}", kind, endpoint.Id, endpoint.Url);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not register webhook endpoints with the Stripe emulator; webhooks will be refused");
        }
    }
}
