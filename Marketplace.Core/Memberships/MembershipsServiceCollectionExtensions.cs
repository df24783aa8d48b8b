using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Core.Memberships;

/// <summary>Registers creators' membership tiers.</summary>
public static class MembershipsServiceCollectionExtensions
{
    /// <summary>Adds creators' membership tiers (their price sync is in <c>AddPriceSync</c>).</summary>
    public static IServiceCollection AddMemberships(this IServiceCollection services)
    {
        services.AddScoped<CreatorMembershipTiers>();
        return services;
    }
}
