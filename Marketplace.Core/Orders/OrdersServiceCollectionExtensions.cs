using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Orders;

/// <summary>Registers buying a listing, completing, syncing and showing orders.</summary>
public static class OrdersServiceCollectionExtensions
{
    /// <summary>Adds buying a listing, completing, syncing and showing orders and binds and validates its options at start (a misconfigured app refuses to start naming the key).</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MinimumChargeAmounts>();
        services.AddSingleton<PlatformFees>();
        services.AddScoped<ListingPurchase>();
        services.AddScoped<OrderCheckoutCompletion>();
        services.AddScoped<OrderQueries>();
        services.AddScoped<CreatorSales>();
        services.AddScoped<OrderFulfilment>();
        services.AddScoped<OrderEmails>();
        services.AddScoped<OrderChargeSync>();
        services.AddScoped<PendingOrderSweepJob>();
        return services;
    }
}
