using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Listings;

/// <summary>Registers listings and storefronts.</summary>
public static class ListingsServiceCollectionExtensions
{
    /// <summary>Adds listings and storefronts.</summary>
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddScoped<CreatorListings>();
        services.AddScoped<Storefront>();
        services.AddScoped<ListingCatalogue>();
        return services;
    }
}
