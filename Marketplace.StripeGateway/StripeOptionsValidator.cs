using Microsoft.Extensions.Options;

namespace Marketplace.StripeGateway;

/// <summary>Refuses to start with a Stripe configuration that cannot work, naming the key to fix.</summary>
public sealed class StripeOptionsValidator : IValidateOptions<StripeOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        if (options.Mode == StripeMode.Stripe && string.IsNullOrWhiteSpace(options.SecretKey))
            return ValidateOptionsResult.Fail("Stripe:Mode is Stripe but Stripe:SecretKey is empty. Set Stripe__SecretKey to an sk_test_ or sk_live_ key.");
        if (!options.UsesEmulator && !(options.SecretKey!.StartsWith("sk_test_", StringComparison.Ordinal) || options.SecretKey.StartsWith("sk_live_", StringComparison.Ordinal) || options.SecretKey.StartsWith("rk_", StringComparison.Ordinal)))
            return ValidateOptionsResult.Fail("Stripe:SecretKey must start with sk_test_, sk_live_ or rk_.");
        if (!string.IsNullOrEmpty(options.ApiBase) && !Uri.TryCreate(options.ApiBase, UriKind.Absolute, out _))
            return ValidateOptionsResult.Fail($"Stripe:ApiBase '{options.ApiBase}' is not an absolute URL.");
        if (options.MaxRequestsPerSecond is not null)
            return ValidateOptionsResult.Fail("Stripe:MaxRequestsPerSecond was renamed Stripe:RequestsPerSecond (this process's Stripe budget, with Stripe:InteractiveShare reserved for web requests; see docs/configuration.md). Rename the setting.");
        return ValidateOptionsResult.Success;
    }
}
