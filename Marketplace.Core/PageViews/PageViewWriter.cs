using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.PageViews;

/// <summary>
/// Writes a batch of counts (<see cref="PageViewCounter.Drain"/>): slugs resolved to shops in one query (former slugs
/// answer 301 and are never counted), listing ids kept only when the listing is that shop's, then one
/// <c>UPDATE … SET Views = Views + n</c> per (shop, page, day), or an insert when the row is new (a second process
/// inserting it first makes the insert fail, and the update is tried again). Unknown pages are dropped.
/// </summary>
public sealed class PageViewWriter(MarketplaceDbContext db)
{
    /// <summary>Adds <paramref name="counts"/> to the stored days; returns how many (shop, page, day) rows were written.</summary>
    public async Task<int> WriteAsync(IReadOnlyDictionary<PendingPage, long> counts, CancellationToken cancellationToken = default)
    {
        if (counts.Count == 0) return 0;
        var slugs = counts.Keys.Select(k => k.Slug).Distinct().ToList();
        var shops = await db.CreatorProfiles.AsNoTracking().Where(c => slugs.Contains(c.Slug)).Select(c => new { c.Slug, c.Id }).ToDictionaryAsync(c => c.Slug, c => c.Id, cancellationToken);
        var listingIds = counts.Keys.Select(k => k.ListingId).Where(id => id != PageViewDay.StorefrontPage).Distinct().ToList();
        var owners = await db.Listings.AsNoTracking().Where(l => listingIds.Contains(l.Id)).Select(l => new { l.Id, l.CreatorProfileId })
            .ToDictionaryAsync(l => l.Id, l => l.CreatorProfileId, cancellationToken);
        var rows = counts
            .Where(c => shops.ContainsKey(c.Key.Slug) && (c.Key.ListingId == PageViewDay.StorefrontPage || owners.GetValueOrDefault(c.Key.ListingId) == shops[c.Key.Slug]))
            .GroupBy(c => (CreatorId: shops[c.Key.Slug], c.Key.ListingId, c.Key.Day), c => c.Value)
            .Select(g => (g.Key.CreatorId, g.Key.ListingId, g.Key.Day, Views: g.Sum()))
            .ToList();
        foreach (var row in rows) await AddAsync(row.CreatorId, row.ListingId, row.Day, row.Views, cancellationToken);
        return rows.Count;
    }

    private async Task AddAsync(int creatorId, int listingId, DateOnly day, long views, CancellationToken cancellationToken)
    {
        if (await UpdateAsync(creatorId, listingId, day, views, cancellationToken) > 0) return;
        var row = db.PageViewDays.Add(new PageViewDay(creatorId, listingId, day, views));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            row.State = EntityState.Detached;
            await UpdateAsync(creatorId, listingId, day, views, cancellationToken);
        }
        finally
        {
            row.State = EntityState.Detached;
        }
    }

    private Task<int> UpdateAsync(int creatorId, int listingId, DateOnly day, long views, CancellationToken cancellationToken) =>
        db.PageViewDays.Where(p => p.CreatorProfileId == creatorId && p.ListingId == listingId && p.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Views, p => p.Views + views), cancellationToken);
}
