using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Memberships;

/// <summary>Registers memberships: tiers, Join, webhooks, the member's page.</summary>
public static class MembershipsServiceCollectionExtensions
{
    /// <summary>Adds creators' membership tiers (their price sync is in <c>AddPriceSync</c>), Join, the membership webhook handlers and the member's page.</summary>
    public static IServiceCollection AddMemberships(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration? configuration = null)
    {
        var options = services.AddOptions<MembershipOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configuration is not null) options.Bind(configuration.GetSection(MembershipOptions.Section));
        services.AddScoped<CreatorMembershipTiers>();
        services.AddScoped<MembershipJoin>();
        services.AddScoped<MembershipSubscriptionSync>();
        services.AddScoped<MemberMemberships>();
        services.AddScoped<CreatorMembershipSales>();
        services.AddScoped<MembershipNumbers>();
        services.AddScoped<Leaving.LeavingMemberships>();
        services.AddScoped<Posts.CreatorMembershipPosts>();
        services.AddScoped<Posts.MembershipPostReading>();
        services.AddScoped<Posts.PostEmailOptOut>();
        services.AddScoped<Posts.MembershipPostEmailsJob>();
        services.AddScoped<Webhooks.IMembershipEventHandler, Webhooks.MembershipCheckoutCompletedHandler>();
        services.AddScoped<Webhooks.IMembershipEventHandler, Webhooks.MembershipSubscriptionCreatedHandler>();
        services.AddScoped<Webhooks.IMembershipEventHandler, Webhooks.MembershipSubscriptionUpdatedHandler>();
        services.AddScoped<Webhooks.IMembershipEventHandler, Webhooks.MembershipSubscriptionDeletedHandler>();
        services.AddScoped<Webhooks.IMembershipEventHandler, Webhooks.MembershipInvoicePaidHandler>();
        services.AddScoped<Webhooks.IMembershipEventHandler, Webhooks.MembershipInvoicePaymentFailedHandler>();
        return services;
    }
}
