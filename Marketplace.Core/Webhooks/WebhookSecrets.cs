using Marketplace.StripeGateway;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Webhooks;

/// <summary>
/// The signing secret of each webhook endpoint. Configured secrets (<c>Stripe:BillingWebhookSecret</c>,
/// <c>Stripe:ConnectWebhookSecret</c>) always win; in emulator mode, missing ones are filled in at start-up from the
/// endpoints the app registers with the emulator.
/// </summary>
public sealed class WebhookSecrets(IOptions<StripeOptions> options)
{
    private string? _billing = Blank(options.Value.BillingWebhookSecret);
    private string? _connect = Blank(options.Value.ConnectWebhookSecret);

    /// <summary>The secret for <paramref name="endpoint"/>, or null when none is known (every event is then refused).</summary>
    public string? For(WebhookEndpointKind endpoint) => endpoint == WebhookEndpointKind.Billing ? Volatile.Read(ref _billing) : Volatile.Read(ref _connect);

    /// <summary>True when <paramref name="endpoint"/> has a configured (or already registered) secret.</summary>
    public bool Has(WebhookEndpointKind endpoint) => For(endpoint) is not null;

    /// <summary>Sets the secret Stripe returned when the endpoint was registered; a configured one is kept.</summary>
    public void UseRegistered(WebhookEndpointKind endpoint, string secret)
    {
        if (endpoint == WebhookEndpointKind.Billing) Interlocked.CompareExchange(ref _billing, secret, null);
        else Interlocked.CompareExchange(ref _connect, secret, null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
