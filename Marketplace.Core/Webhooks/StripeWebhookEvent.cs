namespace Marketplace.Core.Webhooks;

/// <summary>
/// The webhook inbox: one row per Stripe event id (https://docs.stripe.com/api/events/object), written before we
/// answer Stripe, processed later by a Hangfire job.
/// </summary>
public class StripeWebhookEvent
{
    private StripeWebhookEvent()
    {
    }

    /// <summary>Stores a verified event as received.</summary>
    public StripeWebhookEvent(string stripeEventId, WebhookEndpointKind endpoint, string type, string? connectedAccountId,
        string? apiVersion, bool livemode, DateTime stripeCreatedAt, DateTime receivedAt, string payload)
    {
        StripeEventId = stripeEventId;
        Endpoint = endpoint;
        Type = type;
        ConnectedAccountId = connectedAccountId;
        ApiVersion = apiVersion;
        Livemode = livemode;
        StripeCreatedAt = stripeCreatedAt;
        ReceivedAt = receivedAt;
        Payload = payload;
        Status = WebhookEventStatus.Received;
    }

    public long Id { get; private set; }

    /// <summary>Stripe's event id, <c>evt_…</c>; unique.</summary>
    public string StripeEventId { get; private set; } = "";

    public WebhookEndpointKind Endpoint { get; private set; }

    /// <summary>Stripe event type, e.g. <c>customer.subscription.updated</c>.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The event's <c>account</c> (<c>acct_…</c>) for Connect events; null for platform events.</summary>
    public string? ConnectedAccountId { get; private set; }

    public string? ApiVersion { get; private set; }

    public bool Livemode { get; private set; }

    /// <summary>The event's <c>created</c>, UTC.</summary>
    public DateTime StripeCreatedAt { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    /// <summary>The raw JSON body exactly as Stripe signed it.</summary>
    public string Payload { get; private set; } = "";

    public WebhookEventStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? ProcessedAt { get; private set; }

    /// <summary>
    /// The Hangfire job last enqueued to process this event (a batch of <c>ProcessStripeWebhookBatchJob</c>, or its own
    /// <c>ProcessStripeWebhookJob</c>); null until one is enqueued, and while <see cref="ClaimToken"/> holds the row.
    /// </summary>
    public string? HangfireJobId { get; private set; }

    /// <summary>
    /// The token of the dispatcher's or the recovery job's claim on this row (<c>claim:{guid}</c>,
    /// <see cref="Dispatch.WebhookJobClaims"/>) between the claim (a compare-and-set) and the enqueue of its job, when it is
    /// replaced by <see cref="HangfireJobId"/>; null otherwise. At most one of the two is set.
    /// </summary>
    public string? ClaimToken { get; private set; }

    /// <summary>When <see cref="ClaimToken"/> was taken or <see cref="HangfireJobId"/> enqueued, UTC.</summary>
    public DateTime? EnqueuedAt { get; private set; }

    /// <summary>Records the Hangfire job that will process this event (and drops any claim).</summary>
    public void RecordEnqueued(string hangfireJobId, DateTime at)
    {
        HangfireJobId = hangfireJobId;
        ClaimToken = null;
        EnqueuedAt = at;
    }

    /// <summary>Marks the start of a processing attempt.</summary>
    public void StartAttempt()
    {
        Attempts++;
        Status = WebhookEventStatus.Processing;
    }

    /// <summary>
    /// Marks the event as handled; <paramref name="note"/> is what the admin must know of it (a duplicate subscription
    /// canceled), kept in <see cref="LastError"/> (shown as "Note" on a Processed row), or null.
    /// </summary>
    public void MarkProcessed(DateTime at, string? note = null)
    {
        Status = WebhookEventStatus.Processed;
        ProcessedAt = at;
        LastError = note is { Length: > 4000 } ? note[..4000] : note;
    }

    /// <summary>Marks the event as deliberately not acted on (unknown type, livemode mismatch), with why.</summary>
    public void MarkIgnored(DateTime at, string reason)
    {
        Status = WebhookEventStatus.Ignored;
        ProcessedAt = at;
        LastError = reason;
    }

    /// <summary>Records a failed attempt; <paramref name="final"/> when no retry remains.</summary>
    public void RecordFailure(string error, bool final)
    {
        LastError = error.Length > 4000 ? error[..4000] : error;
        Status = final ? WebhookEventStatus.Failed : WebhookEventStatus.Received;
    }

    /// <summary>Puts a Failed or Ignored event back in the queue (admin "Process again").</summary>
    /// <exception cref="DomainException">The event is not Failed or Ignored.</exception>
    public void Requeue()
    {
        if (Status is not (WebhookEventStatus.Failed or WebhookEventStatus.Ignored))
            throw new DomainException("Only failed or ignored events can be processed again (this one is {0}).", Status.ToString());
        Status = WebhookEventStatus.Received;
    }
}
