using Microsoft.AspNetCore.OutputCaching;

namespace Marketplace.Web.Caching;

/// <summary>
/// ASP.NET Core output caching of the anonymous pages (<c>/</c> and <c>/pricing</c>, marked
/// <c>[OutputCache(PolicyName = AnonymousPage)]</c>; the storefront <c>/c/{slug}</c>, <see cref="Storefront"/>), in this
/// process's memory, for <c>Caching:PageSeconds</c> (10 by default). A plan save evicts the <see cref="PlanCatalogueTag"/>
/// entries of this process at once, a save that changes what a storefront shows its <see cref="StorefrontTagOf"/> entries
/// (<see cref="StorefrontCacheEviction"/>); another web process sharing the database serves its own copy until it expires
/// (the same bound as <see cref="Marketplace.Core.Plans.PlanCatalogCache"/>). Signed-in visitors and answers with cookies
/// or antiforgery tokens are never cached (<see cref="AnonymousPagePolicy"/>).
/// </summary>
public static class PageOutputCaching
{
    /// <summary>The policy name for anonymous pages.</summary>
    public const string AnonymousPage = "anonymous-page";

    /// <summary>The policy name for the storefront <c>/c/{slug}</c>: <see cref="AnonymousPage"/>, and the buyer key cookie on every answer (<see cref="StorefrontPagePolicy"/>).</summary>
    public const string Storefront = "storefront";

    /// <summary>The tag of pages that show the plan catalogue.</summary>
    public const string PlanCatalogueTag = "plan-catalogue";

    /// <summary>The tag of every storefront (a plan's listing limit shows on all of them).</summary>
    public const string StorefrontTag = "storefront";

    /// <summary>The tag of the home page's listings (new and popular), evicted with any storefront (<see cref="StorefrontCacheEviction"/>).</summary>
    public const string ListingCatalogueTag = "listing-catalogue";

    /// <summary>The tag of one creator's storefront, <c>storefront-{creatorProfileId}</c>.</summary>
    public static string StorefrontTagOf(int creatorProfileId) => $"storefront-{creatorProfileId}";

    /// <summary>
    /// Registers the output cache, the <see cref="AnonymousPage"/> and <see cref="Storefront"/> policies and
    /// <see cref="StorefrontCacheEviction"/> (added to the database context by Core's <c>AddMarketplaceDatabase</c>, which
    /// takes every <see cref="Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor"/> registered).
    /// </summary>
    public static IServiceCollection AddMarketplaceOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PageCachingOptions>().Bind(configuration.GetSection(PageCachingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var lifetime = TimeSpan.FromSeconds((configuration.GetSection(PageCachingOptions.SectionName).Get<PageCachingOptions>() ?? new PageCachingOptions()).PageSeconds);
        services.AddSingleton<StorefrontCacheEviction>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<StorefrontCacheEviction>());
        return services.AddOutputCache(options =>
        {
            options.AddPolicy(AnonymousPage, new AnonymousPagePolicy(lifetime, [PlanCatalogueTag]));
            options.AddPolicy(Storefront, new StorefrontPagePolicy(new AnonymousPagePolicy(lifetime, [StorefrontTag])));
        });
    }
}
