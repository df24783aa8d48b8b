using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.PriceSync;

/// <summary>Registers the sync of plan and membership tier prices to Stripe.</summary>
public static class PriceSyncServiceCollectionExtensions
{
    /// <summary>Adds the sync of plan prices to Stripe.</summary>
    public static IServiceCollection AddPriceSync(this IServiceCollection services)
    {
        services.AddScoped<StripeCatalogSync>();
        services.AddScoped<PlanPriceSync>();
        services.AddScoped<PriceSyncJob>();
        services.AddScoped<MembershipTierPriceSync>();
        services.AddScoped<MembershipTierPriceSyncJob>();
        return services;
    }
}
