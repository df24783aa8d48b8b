using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Shops;

/// <summary>Registers a shop's settings (name, address and former addresses, bio, links, contact, refund policy).</summary>
public static class ShopsServiceCollectionExtensions
{
    /// <summary>Adds a shop's settings (name, address and former addresses, bio, links, contact, refund policy).</summary>
    public static IServiceCollection AddShops(this IServiceCollection services)
    {
        services.AddScoped<ShopSettings>();
        return services;
    }
}
