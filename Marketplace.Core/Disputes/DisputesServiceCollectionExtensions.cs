using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Disputes;

/// <summary>Registers what the platform does about disputes (transfer reversals, transfers back, the retransfer sweep).</summary>
public static class DisputesServiceCollectionExtensions
{
    /// <summary>Adds what the platform does about disputes (transfer reversals, transfers back, the retransfer sweep) and binds and validates its options at start (a misconfigured app refuses to start naming the key).</summary>
    public static IServiceCollection AddDisputes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DisputeOptions>().Bind(configuration.GetSection(DisputeOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OrderDisputes>();
        services.AddScoped<DisputeRetransferSweepJob>();
        services.AddScoped<DisputeEvidence>();
        services.AddScoped<OwedToCreators>();
        return services;
    }
}
