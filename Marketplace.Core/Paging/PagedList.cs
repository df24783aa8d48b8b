namespace Marketplace.Core.Paging;

/// <summary>One page of an admin list, with what a pager needs.</summary>
/// <param name="Items">The rows of this page, in the list's stable order.</param>
/// <param name="Page">The 1-based page number actually shown (clamped to the last page).</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="TotalCount">Rows matching the filters, over every page.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    /// <summary>The admin lists' page size.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>Number of pages (at least 1, so an empty list still has page 1).</summary>
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    /// <summary>True when a page follows this one.</summary>
    public bool HasNext => Page < PageCount;

    /// <summary>True when a page precedes this one.</summary>
    public bool HasPrevious => Page > 1;
}
