using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Core.Webhooks;

/// <summary>
/// Takes one webhook delivery: verifies its signature with the endpoint's own secret (Stripe.net's
/// <see cref="EventUtility"/>, https://docs.stripe.com/webhooks#verify-events), checks it reached the right endpoint,
/// commits it to the <see cref="StripeWebhookEvent"/> inbox with one <c>INSERT</c> and no query before it (a duplicate
/// event id is refused by the unique index, <see cref="UniqueViolation"/>, and acknowledged as a duplicate), then signals the <see cref="WebhookDispatcher"/>,
/// which enqueues its processing job off the request path. Nothing is stored for a rejected delivery; the answer to
/// Stripe comes only after the row is committed.
/// </summary>
public sealed class WebhookReceiver(
    MarketplaceDbContext db,
    WebhookSecrets secrets,
    WebhookDispatchSignal dispatch,
    IOptions<StripeOptions> options,
    TimeProvider clock,
    ILogger<WebhookReceiver> logger)
{
    /// <summary>Verifies, stores and signals the dispatcher; see <see cref="WebhookReceiveOutcome"/> for the answers.</summary>
    /// <param name="endpoint">Which endpoint received the delivery.</param>
    /// <param name="payload">The raw request body, exactly as received.</param>
    /// <param name="signatureHeader">The <c>Stripe-Signature</c> header (<c>t=…,v1=…</c>); null when absent.</param>
    public async Task<WebhookReceiveResult> ReceiveAsync(WebhookEndpointKind endpoint, string payload, string? signatureHeader,
        CancellationToken cancellationToken = default)
    {
        var secret = secrets.For(endpoint);
        if (secret is null) return WebhookReceiveResult.Rejected("this endpoint has no signing secret configured");
        if (string.IsNullOrWhiteSpace(signatureHeader)) return WebhookReceiveResult.Rejected("missing Stripe-Signature header");
        try
        {
            EventUtility.ValidateSignature(payload, signatureHeader, secret, options.Value.WebhookToleranceSeconds);
        }
        catch (StripeException ex)
        {
            return WebhookReceiveResult.Rejected(ex.Message.Contains("timestamp", StringComparison.OrdinalIgnoreCase)
                ? "signature timestamp outside the tolerance"
                : "signature does not match");
        }

        if (!StripeEventEnvelope.TryParse(payload, out var envelope, out var error)) return WebhookReceiveResult.Rejected(error!);
        if (endpoint == WebhookEndpointKind.Billing && envelope!.Account is not null)
            return WebhookReceiveResult.Rejected("a Connect event (account set) was sent to the billing endpoint");
        if (endpoint == WebhookEndpointKind.Connect && envelope!.Account is null)
            return WebhookReceiveResult.Rejected("a platform event (no account) was sent to the connect endpoint");

        if (envelope!.ApiVersion is { } version && !SameReleaseTrain(version, StripeConfiguration.ApiVersion))
        {
            logger.LogWarning("Stripe event {StripeEventId} has API version {ApiVersion}, Stripe.net uses {LibraryApiVersion}; it is processed by refetching its objects",
                envelope.Id, version, StripeConfiguration.ApiVersion);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new StripeWebhookEvent(envelope.Id, endpoint, envelope.Type, envelope.Account, envelope.ApiVersion,
            envelope.Livemode, envelope.Created, now, payload);
        var livemodeMismatch = envelope.Livemode != options.Value.IsLiveMode;
        if (livemodeMismatch) row.MarkIgnored(now, envelope.Livemode ? "live-mode event reached a test-mode app" : "test-mode event reached a live-mode app");

        db.StripeWebhookEvents.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The unique index on the event id decides: this event is stored already (a redelivery, or a concurrent
            // delivery that committed first). Acknowledged, stored once, no query was made before the insert.
            db.Entry(row).State = EntityState.Detached;
            return new WebhookReceiveResult(WebhookReceiveOutcome.Duplicate, StripeEventId: envelope.Id);
        }

        if (livemodeMismatch)
        {
            logger.LogWarning("Stripe event {StripeEventId} ignored: livemode {Livemode} does not match the configured key", envelope.Id, envelope.Livemode);
            return new WebhookReceiveResult(WebhookReceiveOutcome.Ignored, StripeEventId: envelope.Id);
        }

        // Hangfire is not on the request path: the dispatcher claims the row and enqueues its job (and polls, should
        // this signal be lost); a row it never reaches is enqueued by the recovery job.
        dispatch.Notify();

        return new WebhookReceiveResult(WebhookReceiveOutcome.Accepted, StripeEventId: envelope.Id);
    }

    /// <summary>
    /// True when two API versions share a release train: <c>2026-10-28.endive</c> and <c>2026-11-17.endive</c> do;
    /// a version without a train name (before 2024-09) is compared whole.
    /// </summary>
    public static bool SameReleaseTrain(string a, string b)
    {
        static string Train(string v) => v.Contains('.') ? v[(v.IndexOf('.') + 1)..] : v;
        return string.Equals(Train(a), Train(b), StringComparison.Ordinal);
    }
}
