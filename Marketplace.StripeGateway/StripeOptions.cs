using System.ComponentModel.DataAnnotations;

namespace Marketplace.StripeGateway;

/// <summary>
/// How the app reaches Stripe, section <c>Stripe</c>. With no <see cref="SecretKey"/> (or <see cref="Mode"/> =
/// <see cref="StripeMode.Emulator"/>) the app hosts the Stripe emulator and talks to it through the same Stripe.net
/// client; with an <c>sk_test_…</c> or <c>sk_live_…</c> key it talks to Stripe.
/// </summary>
public sealed class StripeOptions
{
    public const string SectionName = "Stripe";

    /// <summary>The API key used by the in-process emulator (any <c>sk_test_</c> key is accepted by it).</summary>
    public const string EmulatorSecretKey = "sk_test_marketplace_emulator";

    /// <summary><see cref="StripeMode.Auto"/>: emulator when no secret key is set, Stripe otherwise.</summary>
    public StripeMode Mode { get; set; } = StripeMode.Auto;

    /// <summary>Secret API key, <c>sk_test_…</c> or <c>sk_live_…</c>. Never commit it: use an environment variable.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Overrides Stripe's API base URL (empty: https://api.stripe.com, or the hosted emulator).</summary>
    public string? ApiBase { get; set; }

    /// <summary>Signing secret (<c>whsec_…</c>) of the Billing webhook endpoint.</summary>
    public string? BillingWebhookSecret { get; set; }

    /// <summary>Signing secret (<c>whsec_…</c>) of the Connect webhook endpoint.</summary>
    public string? ConnectWebhookSecret { get; set; }

    /// <summary>How old a webhook signature's timestamp may be, in seconds.</summary>
    [Range(1, 86_400)]
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// ISO 3166-1 alpha-2 country preselected in the onboarding's country list, e.g. <c>FR</c> (the platform's country
    /// when it is not one the platform can pay).
    /// </summary>
    [Required, StringLength(2, MinimumLength = 2)]
    public string ConnectDefaultCountry { get; set; } = "FR";

    /// <summary>
    /// ISO 3166-1 alpha-2 country of the platform's own Stripe account, e.g. <c>FR</c>: destination charges reach
    /// creators of its region only (<c>Marketplace.Core.Connect.ConnectCountries</c>).
    /// </summary>
    [Required, StringLength(2, MinimumLength = 2)]
    public string PlatformCountry { get; set; } = "FR";

    /// <summary>Retries Stripe.net makes for a network error, 409, 429 or 5xx (with its own backoff).</summary>
    [Range(0, 10)]
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>
    /// This process's share of the account's Stripe budget, requests a second (Stripe allows 25/s in test mode, 100/s
    /// live, and 25/s per endpoint). Several processes on one account split the account's limit between them.
    /// </summary>
    [Range(2, 1000)]
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>
    /// Stripe's per-endpoint limit this process stays under, requests a second per endpoint and account (Stripe: 25,
    /// https://docs.stripe.com/rate-limits; search and Files at most 20 whatever this says). Paced at 90 % of it
    /// (<see cref="StripeEndpointLimits"/>), with <see cref="InteractiveShare"/> of each endpoint reserved for web requests.
    /// </summary>
    [Range(3, 1000)]
    public int RequestsPerSecondPerEndpoint { get; set; } = 25;

    /// <summary>
    /// The former name of <see cref="RequestsPerSecond"/>. Never read: when set, <see cref="StripeOptionsValidator"/> stops
    /// the start with a message naming the new key, so an operator's old setting is not silently ignored.
    /// </summary>
    public int? MaxRequestsPerSecond { get; set; }

    /// <summary>The share of <see cref="RequestsPerSecond"/> reserved for requests a person waits for (web requests).</summary>
    [Range(0.05, 0.9)]
    public double InteractiveShare { get; set; } = 0.25;

    /// <summary>
    /// How many times a background request that Stripe answers 429 is sent again (after 1, 2, 4, 8, then 10 s) before
    /// its caller (a job, retried by Hangfire) sees the 429.
    /// </summary>
    [Range(0, 20)]
    public int BackgroundRetriesOn429 { get; set; } = 8;

    /// <summary>How long a person's request may wait for its turn before the page says Stripe is busy, in seconds.</summary>
    [Range(1, 60)]
    public int InteractiveWaitSeconds { get; set; } = 5;

    /// <summary>How long one Stripe API request may take, in seconds, before it counts as a network error.</summary>
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>Enqueue a sync of every plan to Stripe at start-up (a fresh emulator has none of them).</summary>
    public bool SyncPricesOnStartup { get; set; } = true;

    /// <summary>Where the in-process emulator listens in emulator mode; port 0 picks a free one.</summary>
    [Required]
    public string EmulatorUrl { get; set; } = "http://127.0.0.1:12111";

    /// <summary>True when the app should host and use the Stripe emulator.</summary>
    public bool UsesEmulator => Mode == StripeMode.Emulator || (Mode == StripeMode.Auto && string.IsNullOrWhiteSpace(SecretKey));

    /// <summary>True for an <c>sk_live_</c> key: only live-mode events are accepted then.</summary>
    public bool IsLiveMode => !UsesEmulator && SecretKey?.StartsWith("sk_live_", StringComparison.Ordinal) == true;
}

/// <summary>Where Stripe calls go.</summary>
public enum StripeMode
{
    /// <summary>Emulator without a secret key, Stripe with one.</summary>
    Auto,

    /// <summary>Always the in-process emulator.</summary>
    Emulator,

    /// <summary>Always Stripe; a secret key is required.</summary>
    Stripe,
}
