using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Deliveries;

/// <summary>Registers what a buyer receives: listing files, their expiring download links, the download log, the orphan sweep.</summary>
public static class DeliveriesServiceCollectionExtensions
{
    /// <summary>Adds the deliveries and binds and validates <see cref="DeliveryOptions"/> at start (a misconfigured app refuses to start naming the key).</summary>
    public static IServiceCollection AddDeliveries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ListingFiles>();
        services.AddSingleton<DownloadLinks>();
        services.AddScoped<OrderDownloads>();
        services.AddScoped<OrphanFileSweepJob>();
        return services;
    }
}
