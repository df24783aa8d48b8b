using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Connect;

/// <summary>Registers Connect onboarding, the account sync, the Express dashboard and the payment guard.</summary>
public static class ConnectServiceCollectionExtensions
{
    /// <summary>Adds Connect onboarding, the account sync, the Express dashboard and the payment guard.</summary>
    public static IServiceCollection AddConnect(this IServiceCollection services)
    {
        services.AddScoped<PaymentEligibility>();
        services.AddScoped<ConnectOnboarding>();
        services.AddScoped<ConnectAccountSync>();
        services.AddScoped<ExpressDashboard>();
        return services;
    }
}
