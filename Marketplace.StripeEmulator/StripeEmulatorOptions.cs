namespace Marketplace.StripeEmulator;

/// <summary>
/// Settings of one emulator instance. Bound from the <c>StripeEmulator</c> configuration section in the
/// standalone run, or built in code by the web app and the tests.
/// </summary>
public sealed class StripeEmulatorOptions
{
    /// <summary>Default API version stamped on events when an endpoint does not pin one (Stripe.net 53.1.0's version).</summary>
    public const string DefaultApiVersion = "2026-10-28.endive";

    /// <summary>
    /// Address Kestrel listens on. Must be a loopback address (<c>127.0.0.1</c>, <c>[::1]</c> or <c>localhost</c>);
    /// port <c>0</c> picks a free port, read it back from <see cref="StripeEmulatorServer.BaseUrl"/>.
    /// </summary>
    public string Url { get; set; } = "http://127.0.0.1:12111";

    /// <summary>
    /// Country of the platform account behind every API key (ISO 3166-1 alpha-2, default <c>FR</c>): a new account
    /// without <c>country</c> gets it, and a destination charge (without <c>on_behalf_of</c>) to an account of another
    /// region is refused, as Stripe does (https://docs.stripe.com/connect/destination-charges).
    /// </summary>
    public string PlatformCountry { get; set; } = "FR";

    /// <summary>Webhook endpoints from configuration, in addition to the ones created with <c>POST /v1/webhook_endpoints</c>.</summary>
    public List<EmulatorWebhookEndpoint> WebhookEndpoints { get; } = new();

    /// <summary>
    /// Wait before each retry of a failed delivery (non-2xx, timeout, connection error); one retry per entry.
    /// Defaults to a compressed version of Stripe's schedule (Stripe itself retries for up to 3 days).
    /// </summary>
    public TimeSpan[] DeliveryRetryDelays { get; set; } =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
    ];

    /// <summary>How long one delivery attempt may take before it counts as failed (Stripe uses a few seconds too).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Memory bounds; see <see cref="EmulatorLimits"/>.</summary>
    public EmulatorLimits Limits { get; set; } = new();

    /// <summary>
    /// Stripe's API rate limits (https://docs.stripe.com/rate-limits): <c>off</c> (default), <c>test</c> (25 requests a second per
    /// account and 25 per endpoint, as a sandbox) or <c>live</c> (100 per account, 25 per endpoint, 20 for search and Files).
    /// A request with <c>Stripe-Account</c> counts against that connected account. Beyond: 429 <c>rate_limit</c> with
    /// <c>Stripe-Rate-Limited-Reason</c>. Off by default so that tests are deterministic; see the README.
    /// </summary>
    public string RateLimits { get; set; } = "off";

    /// <summary>
    /// Checks a new Checkout Session's <c>expires_at</c> (30 minutes to 24 hours ahead) against real time instead of the
    /// key's clock. The key's clock is one per key (Stripe's test clocks belong to customers): after a clock advance an
    /// app whose own clock is real time would see every Buy refused. On Stripe a guest's session is on no test clock.
    /// </summary>
    public bool CheckoutExpiryInRealTime { get; set; }

    /// <summary>When true, each request is logged to the console at Information level (the standalone run turns it on).</summary>
    public bool LogRequests { get; set; }

    /// <summary>
    /// Adds logging providers to the emulator's own host (it does not share the hosting app's logging), e.g.
    /// <c>b =&gt; b.AddProvider(appLoggerProvider)</c>. Delivery failures and emulator errors are logged there.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}

/// <summary>
/// Caps that keep the emulator's memory bounded. Per API key unless stated otherwise.
/// Objects: a create beyond the cap answers 400 <c>emulator_object_limit</c> (objects are never evicted,
/// since others refer to them). Events, deliveries and idempotency entries: the oldest are evicted.
/// API keys: the least recently used key (not one from configuration) is forgotten with all its state.
/// </summary>
public sealed class EmulatorLimits
{
    /// <summary>Objects (customers, prices, subscriptions, invoices, ...) per API key.</summary>
    public int MaxObjectsPerKey { get; set; } = 20_000;

    /// <summary>Events kept per API key (the oldest are evicted; Stripe itself keeps 30 days).</summary>
    public int MaxEventsPerKey { get; set; } = 10_000;

    /// <summary>Delivery attempt records kept per API key.</summary>
    public int MaxDeliveriesPerKey { get; set; } = 10_000;

    /// <summary>API requests kept in the request log per API key (<c>GET /_emulator/requests</c>; the oldest are forgotten).</summary>
    public int MaxRequestsPerKey { get; set; } = 10_000;

    /// <summary>Idempotency keys remembered per API key (each also expires after 24 hours).</summary>
    public int MaxIdempotencyEntriesPerKey { get; set; } = 10_000;

    /// <summary>Distinct API keys held at once.</summary>
    public int MaxApiKeys { get; set; } = 1_000;

    /// <summary>Webhook endpoints per API key (Stripe allows 16).</summary>
    public int MaxWebhookEndpointsPerKey { get; set; } = 16;
}

/// <summary>A webhook endpoint declared in configuration for one API key. Receives every event type.</summary>
public sealed class EmulatorWebhookEndpoint
{
    /// <summary>The <c>sk_test_…</c> key whose events this endpoint receives.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Absolute URL events are POSTed to.</summary>
    public string Url { get; set; } = "";

    /// <summary>Signing secret (<c>whsec_…</c>) used for the <c>Stripe-Signature</c> header.</summary>
    public string Secret { get; set; } = "";

    /// <summary>True: receives events of connected accounts only; false: platform events only (as Stripe).</summary>
    public bool Connect { get; set; }

    /// <summary>API version written into delivered events; null means <see cref="StripeEmulatorOptions.DefaultApiVersion"/>.</summary>
    public string? ApiVersion { get; set; }
}
