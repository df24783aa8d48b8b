using Marketplace.Core.Data;

namespace Marketplace.Core.Search;

/// <summary>A listing that matches the search words, with its relevance (<see cref="Score"/>: higher is better).</summary>
public sealed class SearchMatch
{
    public int ListingId { get; set; }

    /// <summary>Relevance in the engine's own scale (only the order matters).</summary>
    public double Score { get; set; }
}

/// <summary>
/// The database's own full-text search over listings (title, description, tags, shop name), one implementation per
/// engine, chosen from <c>Database:Provider</c>: <see cref="SqliteListingSearch"/> (FTS5),
/// <see cref="PostgresListingSearch"/> (<c>tsvector</c>, GIN), <see cref="LikeListingSearch"/> (SQL Server:
/// <c>LIKE</c>). It only matches words: which listings a visitor may see is <see cref="ListingFinder"/>'s job.
/// </summary>
public interface IListingSearch
{
    /// <summary>The listings matching every word of <paramref name="terms"/> (not empty), as a query to join on.</summary>
    IQueryable<SearchMatch> Match(MarketplaceDbContext db, SearchTerms terms);
}
