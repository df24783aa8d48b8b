using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Search;

/// <summary>
/// PostgreSQL full-text search: the generated column <c>Listings."SearchVector"</c> (GIN index) holds the title and tags
/// (weight A) and the description (B) through the <c>simple</c> configuration, plus the title and description through
/// <c>english</c> and <c>french</c> (stemming), all folded by <c>marketplace_fold</c> (lower case, accents removed; an
/// immutable SQL function, so no extension is needed). The shop name is matched on <c>CreatorProfiles</c> at query time
/// (a generated column cannot read another table). The query is OR-ed over the three configurations and ranked by
/// <c>ts_rank</c>. Migration <c>SearchIndex</c> creates it.
/// </summary>
public sealed class PostgresListingSearch : IListingSearch
{
    /// <inheritdoc />
    public IQueryable<SearchMatch> Match(MarketplaceDbContext db, SearchTerms terms)
    {
        var text = terms.ToTsQuery();
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT m."ListingId", max(m."Score") AS "Score" FROM (
                SELECT l."Id" AS "ListingId", ts_rank(l."SearchVector", q.query)::double precision AS "Score"
                FROM "Listings" l, (SELECT to_tsquery('simple', marketplace_fold({text})) || to_tsquery('english', marketplace_fold({text})) || to_tsquery('french', marketplace_fold({text})) AS query) q
                WHERE l."SearchVector" @@ q.query
                UNION ALL
                SELECT l."Id", 0.05::double precision
                FROM "CreatorProfiles" c JOIN "Listings" l ON l."CreatorProfileId" = c."Id",
                     (SELECT to_tsquery('simple', marketplace_fold({text})) AS query) q
                WHERE to_tsvector('simple', marketplace_fold(c."DisplayName")) @@ q.query
            ) m GROUP BY m."ListingId"
            """);
    }
}
