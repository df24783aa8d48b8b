using Marketplace.StripeGateway;

namespace Marketplace.Web.Configuration;

/// <summary>
/// In Production the Stripe emulator is never chosen silently: without <c>Stripe:SecretKey</c> the app refuses to start
/// unless <c>Stripe:Mode=Emulator</c> says the emulator is meant (a demo, a benchmark). Other environments keep the
/// "no key, emulator" default.
/// </summary>
public static class StripeModeGuard
{
    /// <summary>Throws at start-up when Production would fall back to the emulator only because no key is set.</summary>
    /// <exception cref="InvalidOperationException">Production, <c>Stripe:Mode</c> Auto and no <c>Stripe:SecretKey</c>; the message names both settings.</exception>
    public static void RefuseImplicitEmulatorInProduction(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction()) return;
        var stripe = configuration.GetSection(StripeOptions.SectionName).Get<StripeOptions>() ?? new();
        if (stripe.Mode == StripeMode.Auto && string.IsNullOrWhiteSpace(stripe.SecretKey))
            throw new InvalidOperationException(
                "Production environment without Stripe:SecretKey: set Stripe:SecretKey (environment variable Stripe__SecretKey) to an "
                + "sk_live_ or sk_test_ key, or set Stripe:Mode=Emulator (Stripe__Mode) to run on the in-process Stripe emulator on purpose.");
    }
}
