using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Admin;

/// <summary>Registers the admin area's queries and commands.</summary>
public static class AdminServiceCollectionExtensions
{
    /// <summary>Adds the dashboard, creator, subscription, order and webhook inbox queries, moderation and "Process again".</summary>
    public static IServiceCollection AddMarketplaceAdmin(this IServiceCollection services)
    {
        services.AddScoped<AdminDashboardQueries>();
        services.AddScoped<AdminCreatorQueries>();
        services.AddScoped<CreatorModeration>();
        services.AddScoped<AdminSubscriptionQueries>();
        services.AddScoped<AdminWebhookQueries>();
        services.AddScoped<AdminOrderQueries>();
        services.AddScoped<WebhookReprocessing>();
        services.AddSingleton<StripeDashboardLinks>();
        return services;
    }
}
