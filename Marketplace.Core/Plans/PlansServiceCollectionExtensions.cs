using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Plans;

/// <summary>Registers the plan catalogue and its administration.</summary>
public static class PlansServiceCollectionExtensions
{
    /// <summary>Adds the plan catalogue and its administration.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanQueries>();
        services.AddScoped<PlanCatalogCache>();
        services.AddScoped<PlanCatalogAdmin>();
        return services;
    }
}
