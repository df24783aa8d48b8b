using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.CheckoutClosing;

/// <summary>Registers the closing of a shop's open buyer Checkout Sessions when it can no longer take payments.</summary>
public static class CheckoutClosingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ShopCheckoutClosing"/> and its job <see cref="ExpireShopCheckoutsJob"/>.</summary>
    public static IServiceCollection AddCheckoutClosing(this IServiceCollection services)
    {
        services.AddScoped<ShopCheckoutClosing>();
        services.AddScoped<ExpireShopCheckoutsJob>();
        return services;
    }
}
