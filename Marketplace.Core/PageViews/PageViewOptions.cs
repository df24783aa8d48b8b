using System.ComponentModel.DataAnnotations;

namespace Marketplace.Core.PageViews;

/// <summary>Page view counting, section <c>PageViews</c>.</summary>
public sealed class PageViewOptions
{
    public const string SectionName = "PageViews";

    /// <summary>Seconds between two writes of the counts gathered in memory (default 30). Counts not yet written are written at shutdown.</summary>
    [Range(1, 3600)]
    public int FlushSeconds { get; set; } = 30;

    /// <summary>Most distinct (day, shop, page) counts kept in memory between two writes (default 100,000); views past it are not counted.</summary>
    [Range(100, 10_000_000)]
    public int MaxPendingPages { get; set; } = 100_000;
}
