namespace Marketplace.StripeEmulator.Webhooks;

/// <summary>One delivery attempt of one event to one endpoint, as listed by <c>GET /_emulator/deliveries</c>.</summary>
public sealed record DeliveryRecord
{
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public required string EndpointId { get; init; }
    public required string Url { get; init; }

    /// <summary>1 for the first attempt.</summary>
    public required int Attempt { get; init; }

    /// <summary><c>succeeded</c> (2xx), <c>failed</c> (non-2xx, timeout, connection error) or <c>dropped</c> (chaos).</summary>
    public required string Outcome { get; init; }

    /// <summary>HTTP status answered by the endpoint; null when none (dropped, timeout, connection error).</summary>
    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    /// <summary>When the attempt ended, UTC.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>True when a retry is scheduled after this failed attempt.</summary>
    public bool WillRetry { get; init; }
}
