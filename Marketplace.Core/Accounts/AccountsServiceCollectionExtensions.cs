using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Accounts;

/// <summary>Registers what the account pages share beyond Identity.</summary>
public static class AccountsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RegistrationAttemptWarning"/>.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<RegistrationAttemptWarning>();
        return services;
    }
}
