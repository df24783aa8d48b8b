using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Search;

/// <summary>
/// SQLite FTS5: the virtual table <c>ListingSearch</c> (rowid = listing id; columns title, description, tags, shop;
/// tokenizer <c>unicode61 remove_diacritics 2</c>, so case and accents are folded), kept in step with <c>Listings</c> and
/// <c>CreatorProfiles</c> by triggers in the same transaction as every save (migration <c>SearchIndex</c>). Ranked by
/// <c>bm25</c> with the title weighing most, then tags, shop name and description.
/// </summary>
public sealed class SqliteListingSearch : IListingSearch
{
    /// <inheritdoc />
    public IQueryable<SearchMatch> Match(MarketplaceDbContext db, SearchTerms terms) =>
        db.Database.SqlQuery<SearchMatch>($"""
            SELECT "rowid" AS "ListingId", -bm25("ListingSearch", 10.0, 1.0, 5.0, 3.0) AS "Score"
            FROM "ListingSearch" WHERE "ListingSearch" MATCH {terms.ToFts5()}
            """);
}
