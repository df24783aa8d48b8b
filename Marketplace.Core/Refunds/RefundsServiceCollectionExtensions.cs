using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Refunds;

/// <summary>Registers refunds of orders.</summary>
public static class RefundsServiceCollectionExtensions
{
    /// <summary>Adds refunds of orders and binds their options (section <c>Refunds</c>, <see cref="RefundOptions"/>).</summary>
    public static IServiceCollection AddRefunds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RefundOptions>().Bind(configuration.GetSection(RefundOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OrderRefunds>();
        return services;
    }
}
