using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Payouts;

/// <summary>Registers the creators' payouts and Connect balances (the payout schedule the platform controls is Connect's).</summary>
public static class PayoutsServiceCollectionExtensions
{
    /// <summary>Adds the creators' payouts and Connect balances.</summary>
    public static IServiceCollection AddPayouts(this IServiceCollection services)
    {
        services.AddScoped<PayoutSync>();
        services.AddScoped<ConnectBalanceQuery>();
        services.AddScoped<PayoutQueries>();
        return services;
    }
}
