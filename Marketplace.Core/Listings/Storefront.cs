using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Listings;

/// <summary>A creator's public shop: their oldest active listings up to their plan's limit, and how many are hidden beyond it.</summary>
public sealed record StorefrontView(string DisplayName, string Slug, IReadOnlyList<Listing> Listings, int HiddenCount);

/// <summary>Reads the public storefront <c>/c/{slug}</c>.</summary>
public sealed class Storefront(MarketplaceDbContext db, CreatorCapabilities capabilities)
{
    /// <summary>
    /// The storefront of <paramref name="slug"/>; null for an unknown, banned or deactivated creator. Listings beyond the
    /// plan's <c>MaxListings</c> (a creator whose plan lapsed) are hidden, never deleted.
    /// </summary>
    public async Task<StorefrontView?> ForSlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var normalized = (slug ?? "").Trim().ToLowerInvariant();
        var creator = await db.CreatorProfiles.AsNoTracking()
            .Where(c => c.Slug == normalized && c.IsActive && c.Status != CreatorStatus.Banned)
            .Select(c => new { c.Id, c.DisplayName, c.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (creator is null) return null;
        var caps = await capabilities.GetAsync(creator.Id, cancellationToken);
        var limit = caps is null ? 0 : caps.MaxListings ?? int.MaxValue;
        var active = db.Listings.AsNoTracking().Where(l => l.CreatorProfileId == creator.Id && l.IsActive);
        var shown = await active.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Take(limit).ToListAsync(cancellationToken);
        var total = await active.CountAsync(cancellationToken);
        return new StorefrontView(creator.DisplayName, creator.Slug, shown, total - shown.Count);
    }
}
