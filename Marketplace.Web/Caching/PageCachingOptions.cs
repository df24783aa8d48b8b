using System.ComponentModel.DataAnnotations;

namespace Marketplace.Web.Caching;

/// <summary>The <c>Caching:</c> settings, bound and validated at start: how long anonymous pages stay in the output cache.</summary>
public sealed class PageCachingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Caching";

    /// <summary>Seconds an anonymous page (home, pricing, storefronts) is served from the cache; 1 to 3600, default 10.</summary>
    [Range(1, 3600)]
    public int PageSeconds { get; set; } = 10;
}
