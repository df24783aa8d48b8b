using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Buyers;

/// <summary>Registers buyer accounts, guest orders joining an account, and "find my orders" by email.</summary>
public static class BuyersServiceCollectionExtensions
{
    /// <summary>Adds <see cref="BuyerRegistration"/>, <see cref="GuestOrderClaim"/> and <see cref="OrdersByEmail"/>.</summary>
    public static IServiceCollection AddBuyers(this IServiceCollection services)
    {
        services.AddScoped<BuyerRegistration>();
        services.AddScoped<GuestOrderClaim>();
        services.AddScoped<OrdersByEmail>();
        return services;
    }
}
