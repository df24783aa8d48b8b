using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Registration;

/// <summary>Registers what the sign-up pages need beyond Identity.</summary>
public static class RegistrationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RegistrationAttemptWarning"/>.</summary>
    public static IServiceCollection AddRegistration(this IServiceCollection services)
    {
        services.AddScoped<RegistrationAttemptWarning>();
        return services;
    }
}
