using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Subscriptions;

/// <summary>Registers the creators' platform subscriptions: sync from Stripe, self-service, capabilities.</summary>
public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>Adds the creators' platform subscriptions: sync from Stripe, self-service, capabilities.</summary>
    public static IServiceCollection AddSubscriptions(this IServiceCollection services)
    {
        services.AddScoped<StripeSubscriptionSync>();
        services.AddScoped<DuplicateSubscriptionGuard>();
        services.AddScoped<CreatorCapabilities>();
        services.AddScoped<SubscriptionManagement>();
        services.AddScoped<BillingOverviewQuery>();
        return services;
    }
}
