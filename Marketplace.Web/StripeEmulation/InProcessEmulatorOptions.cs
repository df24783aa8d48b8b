using System.ComponentModel.DataAnnotations;

namespace Marketplace.Web.StripeEmulation;

/// <summary>
/// The <c>StripeEmulator:</c> settings the app's in-process emulator reads (the standalone emulator reads the whole
/// section, see its README); bound and validated at start, only when the emulator runs.
/// </summary>
public sealed class InProcessEmulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "StripeEmulator";

    /// <summary>Stripe's rate limits in the emulator: <c>off</c> (default), <c>test</c> or <c>live</c>.</summary>
    [RegularExpression("^(off|test|live)$", ErrorMessage = "StripeEmulator:RateLimits must be one of off, test, live.")]
    public string RateLimits { get; set; } = "off";

    /// <summary>
    /// Checkout Sessions' <c>expires_at</c> against real time rather than the key's clock (see
    /// <see cref="Marketplace.StripeEmulator.StripeEmulatorOptions.CheckoutExpiryInRealTime"/>); default false.
    /// </summary>
    public bool CheckoutExpiryInRealTime { get; set; }
}
