namespace Marketplace.Core.Webhooks.Processing;

/// <summary>
/// Acts on one Stripe event type. Handlers refetch the objects the event names (the payload may be old or of another
/// API version) and are safe to run twice: the second run changes nothing.
/// </summary>
public interface IStripeEventHandler
{
    /// <summary>The Stripe event type handled, one of <see cref="StripeEventTypes"/>.</summary>
    string EventType { get; }

    /// <summary>
    /// Applies the event. Returns null when done, or the reason it was deliberately not acted on (stored as Ignored).
    /// Throws on a failure worth retrying (Stripe unreachable, 429, 5xx, an object we cannot link yet).
    /// </summary>
    Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken);
}
