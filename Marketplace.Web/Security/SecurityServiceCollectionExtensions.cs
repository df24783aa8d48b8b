using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Web.Security;

/// <summary>Binds <see cref="SecurityOptions"/> and hands its values to the framework's options they set.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="SecurityOptions"/> (<c>ValidateDataAnnotations</c>, <c>ValidateOnStart</c>): the
    /// passkeys' server domain and the security stamp's validation interval come from it.
    /// </summary>
    public static IServiceCollection AddSecurityOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<SecurityOptions>>((passkeys, security) => passkeys.ServerDomain = security.Value.Passkeys.ServerDomain);
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IOptions<SecurityOptions>>((stamp, security) =>
            stamp.ValidationInterval = TimeSpan.FromSeconds(security.Value.SessionValidationSeconds));
        return services;
    }
}
