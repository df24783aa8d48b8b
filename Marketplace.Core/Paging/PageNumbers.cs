namespace Marketplace.Core.Paging;

/// <summary>Page numbers for the paged lists (admin lists, the creator's sales).</summary>
public static class PageNumbers
{
    /// <summary>
    /// A page number that exists: below 1 becomes 1, past the end becomes the last page.
    /// </summary>
    /// <param name="page">Requested 1-based page; null for the first.</param>
    /// <param name="totalCount">Rows matching the filters.</param>
    /// <param name="pageSize">Rows per page.</param>
    public static int Clamp(int? page, int totalCount, int pageSize)
    {
        var last = Math.Max(1, (totalCount + pageSize - 1) / pageSize);
        return Math.Clamp(page ?? 1, 1, last);
    }
}
