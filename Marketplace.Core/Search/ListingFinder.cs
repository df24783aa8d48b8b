using Marketplace.Core.Data;
using Marketplace.Core.Listings;
using Marketplace.Core.Paging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Search;

/// <summary>
/// What a visitor searches for at <c>/search</c>: words (<see cref="SearchTerms"/>; none lists everything, newest first),
/// a category slug, and a price range in minor units of <see cref="Currency"/> (ISO 4217, lower case). Prices are not
/// converted between currencies: with a minimum or maximum, only listings priced in <see cref="Currency"/> are found.
/// </summary>
public sealed record SearchRequest(string? Query, string? Category = null, long? MinMinor = null, long? MaxMinor = null, string Currency = "eur", int Page = 1);

/// <summary>
/// Runs a <see cref="SearchRequest"/>: the engine's matches (<see cref="IListingSearch"/>) joined to the listings a
/// visitor can buy (the home page's rule, <see cref="ListingCatalogue"/>: active, shown by the shop's plan, of a shop that
/// passes the payment guard; a suspended or banned creator's listings are never found), filtered, ranked (best first,
/// then newest) and paged.
/// </summary>
public sealed class ListingFinder(MarketplaceDbContext db, ListingCatalogue catalogue, IListingSearch search)
{
    /// <summary>Results per page.</summary>
    public const int PageSize = 24;

    /// <summary>One page of results (the page clamped to 1…last).</summary>
    public async Task<PagedList<CatalogueItem>> FindAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        var shops = await catalogue.PayableShopIdsAsync(cancellationToken);
        var listings = catalogue.Buyable(shops);
        if (!string.IsNullOrWhiteSpace(request.Category))
        {
            var slug = request.Category.Trim().ToLowerInvariant();
            listings = listings.Where(l => l.Category!.Slug == slug);
        }

        if (request.MinMinor is not null || request.MaxMinor is not null)
        {
            var currency = request.Currency.Trim().ToLowerInvariant();
            listings = listings.Where(l => l.Currency == currency);
            if (request.MinMinor is { } min) listings = listings.Where(l => l.PriceMinor >= min);
            if (request.MaxMinor is { } max) listings = listings.Where(l => l.PriceMinor <= max);
        }

        var terms = SearchTerms.Parse(request.Query);
        IQueryable<Listing> ordered;
        if (terms.IsEmpty)
        {
            ordered = listings.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id);
        }
        else
        {
            ordered = from l in listings
                      join m in search.Match(db, terms) on l.Id equals m.ListingId
                      orderby m.Score descending, l.CreatedAt descending, l.Id descending
                      select l;
        }

        var total = await ordered.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(request.Page, 1, pages);
        var items = await ordered.Skip((page - 1) * PageSize).Take(PageSize).Select(ListingCatalogue.Item).ToListAsync(cancellationToken);
        return new PagedList<CatalogueItem>(items, page, PageSize, total);
    }
}
