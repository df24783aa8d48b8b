using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.CreatorHome;

/// <summary>Registers the creator's home (start checklist, last 30 days).</summary>
public static class CreatorHomeServiceCollectionExtensions
{
    /// <summary>Adds the creator's home (start checklist, last 30 days).</summary>
    public static IServiceCollection AddCreatorHome(this IServiceCollection services)
    {
        services.AddScoped<CreatorHomeQueries>();
        return services;
    }
}
