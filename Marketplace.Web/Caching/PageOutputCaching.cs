using Microsoft.AspNetCore.OutputCaching;

namespace Marketplace.Web.Caching;

/// <summary>
/// ASP.NET Core output caching of the anonymous pages (<c>/</c> and <c>/pricing</c>, marked
/// <c>[OutputCache(PolicyName = AnonymousPage)]</c>), in this process's memory, for <c>Caching:PageSeconds</c> (10 by
/// default). A plan save evicts the <see cref="PlanCatalogueTag"/> entries of this process at once; another web process
/// sharing the database serves its own copy until it expires (the same bound as
/// <see cref="Marketplace.Core.Plans.PlanCatalogCache"/>). Signed-in visitors and answers with cookies or antiforgery
/// tokens are never cached (<see cref="AnonymousPagePolicy"/>).
/// </summary>
public static class PageOutputCaching
{
    /// <summary>The policy name for anonymous pages.</summary>
    public const string AnonymousPage = "anonymous-page";

    /// <summary>The tag of pages that show the plan catalogue.</summary>
    public const string PlanCatalogueTag = "plan-catalogue";

    /// <summary>Registers the output cache and the <see cref="AnonymousPage"/> policy.</summary>
    public static IServiceCollection AddMarketplaceOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var lifetime = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Caching:PageSeconds", 10), 1, 3600));
        return services.AddOutputCache(options =>
            options.AddPolicy(AnonymousPage, new AnonymousPagePolicy(lifetime, [PlanCatalogueTag])));
    }
}
