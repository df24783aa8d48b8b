using Marketplace.Core.Categories;
using Marketplace.Core.Listings;
using Marketplace.Core.Paging;

namespace Marketplace.Web.Models;

/// <summary>The search page: what was asked (as typed), the categories for the filter, one page of results and the messages about prices that could not be read.</summary>
public sealed record SearchPageViewModel(string? Query, string? Category, string? Min, string? Max, string Currency,
    IReadOnlyList<Category> Categories, PagedList<CatalogueItem> Results, IReadOnlyList<string> Errors);
