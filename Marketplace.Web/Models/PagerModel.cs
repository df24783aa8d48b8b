using Marketplace.Core.Admin;
using Marketplace.Core.Paging;

namespace Marketplace.Web.Models;

/// <summary>What the shared admin pager needs: the page shown, how many there are, how many rows in all.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount)
{
    /// <summary>The pager of an admin list page.</summary>
    public static PagerModel Of<T>(PagedList<T> list) => new(list.Page, list.PageCount, list.TotalCount);
}
