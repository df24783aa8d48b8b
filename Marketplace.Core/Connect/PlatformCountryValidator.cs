using Marketplace.StripeGateway;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Connect;

/// <summary>
/// Refuses to start when <c>Stripe:PlatformCountry</c> is not one of <see cref="ConnectCountries"/> (the countries where
/// Stripe offers Express accounts), naming the key to fix. Beside the gateway's own <see cref="StripeOptionsValidator"/>,
/// which knows nothing of countries.
/// </summary>
public sealed class PlatformCountryValidator : IValidateOptions<StripeOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StripeOptions options) =>
        ConnectCountries.Find(options.PlatformCountry) is null
            ? ValidateOptionsResult.Fail($"Stripe:PlatformCountry '{options.PlatformCountry}' is not a country where Stripe has Connect Express accounts (see docs/stripe.md).")
            : ValidateOptionsResult.Success;
}
