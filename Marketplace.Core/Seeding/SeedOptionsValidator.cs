using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Seeding;

/// <summary>Outside Development, the administrator must be configured: the message names the missing key.</summary>
public sealed class SeedOptionsValidator(IHostEnvironment environment) : IValidateOptions<SeedOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SeedOptions options)
    {
        if (environment.IsDevelopment()) return ValidateOptionsResult.Success;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AdminEmail)) missing.Add("Seed:AdminEmail");
        if (string.IsNullOrEmpty(options.AdminPassword)) missing.Add("Seed:AdminPassword");
        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Missing configuration: {string.Join(", ", missing)} (required outside Development; set e.g. Seed__AdminEmail).");
    }
}
