using Marketplace.Core.Data;

namespace Marketplace.Core.Search;

/// <summary>
/// The fallback where the database has no full-text search we use (SQL Server: its Full-Text Search is an optional
/// component, missing from LocalDB and many containers): every word must appear (<c>LIKE '%word%'</c>) in the title,
/// description, tags or shop name; case and accents follow the column's collation (SQL Server's default
/// <c>…_CI_AS</c>: case folded, accents not). Listings with the first word in their title come first. Fine for
/// thousands of listings, not millions (no index serves <c>LIKE '%…'</c>).
/// </summary>
public sealed class LikeListingSearch : IListingSearch
{
    /// <inheritdoc />
    public IQueryable<SearchMatch> Match(MarketplaceDbContext db, SearchTerms terms)
    {
        var listings = db.Listings.AsQueryable();
        foreach (var word in terms.Words)
            listings = listings.Where(l => l.Title.Contains(word) || (l.Description != null && l.Description.Contains(word))
                                           || l.Tags.Contains(word) || l.CreatorProfile!.DisplayName.Contains(word));
        var first = terms.Words[0];
        return listings.Select(l => new SearchMatch { ListingId = l.Id, Score = l.Title.Contains(first) ? 1.0 : 0.0 });
    }
}
