namespace Marketplace.StripeEmulator.Control;

/// <summary>
/// Delivery faults for one key's webhook endpoints, to test that handlers are idempotent and order-independent.
/// Stripe itself may duplicate, reorder and delay events (https://docs.stripe.com/webhooks#handle-duplicate-events).
/// </summary>
public sealed record WebhookChaos
{
    /// <summary>Each event is delivered twice (same event id, two deliveries).</summary>
    public bool Duplicate { get; init; }

    /// <summary>Events queued for an endpoint within <see cref="ShuffleWindowMs"/> are delivered in random order.</summary>
    public bool Shuffle { get; init; }

    /// <summary>Milliseconds to collect events before shuffling them (default 300).</summary>
    public int ShuffleWindowMs { get; init; } = 300;

    /// <summary>Milliseconds to wait before every delivery attempt.</summary>
    public int DelayMs { get; init; }

    /// <summary>The first attempt of every delivery is dropped (recorded as <c>dropped</c>, not sent) and retried.</summary>
    public bool DropFirstAttempt { get; init; }
}
