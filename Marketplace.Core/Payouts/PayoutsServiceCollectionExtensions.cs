using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Payouts;

/// <summary>Registers the creators' payouts and Connect balances, and the payout schedule the platform controls.</summary>
public static class PayoutsServiceCollectionExtensions
{
    /// <summary>Adds the creators' payouts and Connect balances.</summary>
    public static IServiceCollection AddPayouts(this IServiceCollection services)
    {
        services.AddScoped<PayoutSync>();
        services.AddScoped<ConnectBalanceQuery>();
        services.AddScoped<PayoutQueries>();
        services.AddScoped<PayoutControl>();
        services.AddScoped<ReleasePayoutHoldsJob>();
        services.AddOptions<PayoutOptions>().BindConfiguration(PayoutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
