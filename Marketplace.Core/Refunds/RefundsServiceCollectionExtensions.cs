using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Refunds;

/// <summary>Registers refunds of orders.</summary>
public static class RefundsServiceCollectionExtensions
{
    /// <summary>Adds refunds of orders.</summary>
    public static IServiceCollection AddRefunds(this IServiceCollection services)
    {
        services.AddScoped<OrderRefunds>();
        return services;
    }
}
