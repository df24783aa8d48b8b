using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Buyers;

/// <summary>Registers buyer accounts, guest orders joining an account, and "find my orders" by email.</summary>
public static class BuyersServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BuyerRegistration"/>, <see cref="GuestOrderClaim"/> and <see cref="OrdersByEmail"/>, and binds and
    /// validates <see cref="BuyerOptions"/> at start (a value below 1 stops the app, naming the key).
    /// </summary>
    public static IServiceCollection AddBuyers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BuyerOptions>().Bind(configuration.GetSection(BuyerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<BuyerRegistration>();
        services.AddScoped<GuestOrderClaim>();
        services.AddScoped<OrdersByEmail>();
        return services;
    }
}
