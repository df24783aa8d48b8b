using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.PlanCheckout;

/// <summary>Registers the plan checkout.</summary>
public static class PlanCheckoutServiceCollectionExtensions
{
    /// <summary>Adds the plan checkout.</summary>
    public static IServiceCollection AddPlanCheckout(this IServiceCollection services)
    {
        services.AddScoped<CreatorCheckout>();
        return services;
    }
}
