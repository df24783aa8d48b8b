using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.SignInThrottling;

/// <summary>Registers the throttling of password checks (<see cref="SignInThrottle"/>).</summary>
public static class SignInThrottlingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SignInThrottle"/> and binds <see cref="SignInThrottleOptions"/> from <c>Security:SignIn</c>, validated at start.</summary>
    public static IServiceCollection AddSignInThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInThrottleOptions>().Bind(configuration.GetSection(SignInThrottleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SignInThrottle>();
        return services;
    }
}
