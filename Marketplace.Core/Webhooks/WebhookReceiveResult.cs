namespace Marketplace.Core.Webhooks;

/// <summary>What <see cref="WebhookReceiver.ReceiveAsync"/> did with a delivery.</summary>
public enum WebhookReceiveOutcome
{
    /// <summary>Verified, stored, job enqueued (or left for the recovery job): answer 200.</summary>
    Accepted,

    /// <summary>The event id is in the inbox already: answer 200, nothing stored, no job.</summary>
    Duplicate,

    /// <summary>Stored as Ignored (e.g. a test-mode event reaching a live app): answer 200 so Stripe stops.</summary>
    Ignored,

    /// <summary>Refused: bad signature, not an event, wrong endpoint. Answer 400 with the reason; nothing stored.</summary>
    Rejected,
}

/// <summary>The outcome and, when rejected, a short reason safe to send back.</summary>
public sealed record WebhookReceiveResult(WebhookReceiveOutcome Outcome, string? Reason = null, string? StripeEventId = null)
{
    public static WebhookReceiveResult Rejected(string reason) => new(WebhookReceiveOutcome.Rejected, reason);
}
