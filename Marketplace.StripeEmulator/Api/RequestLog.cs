namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// One <c>/v1</c> API call of a key, as listed by <c>GET /_emulator/requests</c> and
/// <see cref="StripeEmulatorServer.GetRequests"/>: every call that carried a valid test key is recorded, whatever its
/// outcome (2xx, 4xx, an idempotent replay, a planned 429/500, 499 for a delayed call the client gave up on).
/// Lets a test assert "no Stripe call was made" (or exactly which one) instead of inferring it from missing objects.
/// </summary>
public sealed record EmulatorRequest
{
    /// <summary>HTTP method, upper case (<c>GET</c>, <c>POST</c>, <c>DELETE</c>).</summary>
    public required string Method { get; init; }

    /// <summary>Request path without the query string, e.g. <c>/v1/checkout/sessions</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The <c>Stripe-Account</c> header, null when absent (a platform call).</summary>
    public string? StripeAccount { get; init; }

    /// <summary>The <c>Idempotency-Key</c> header, null when absent.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Query-string then form-body pairs, URL-decoded, in the order sent (repeated keys such as <c>expand[]</c> kept).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; }

    /// <summary>HTTP status answered (499: the client gave up during a planned delay and the call was not handled).</summary>
    public required int Status { get; init; }

    /// <summary>When the answer was given, UTC.</summary>
    public required DateTimeOffset At { get; init; }
}
