using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Moderation;

/// <summary>Registers the admin's moderation of shops and listings (visibility, reason, featured shops, audit).</summary>
public static class ModerationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="AdminModeration"/> and <see cref="ModerationQueries"/>.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddScoped<AdminModeration>();
        services.AddScoped<ModerationQueries>();
        return services;
    }
}
