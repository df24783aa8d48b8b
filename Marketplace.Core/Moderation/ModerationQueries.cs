using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Moderation;

/// <summary>A shop as the moderation pages list it.</summary>
public sealed record ModeratedShop(int CreatorId, string DisplayName, string Slug, Visibility Visibility, string? Reason, int? FeaturedRank);

/// <summary>A listing as the moderation pages list it.</summary>
public sealed record ModeratedListing(int ListingId, string Title, bool IsActive, Visibility Visibility, string? Reason)
{
    /// <summary>The place among the featured listings on the home page, 1 first; null: not featured.</summary>
    public int? FeaturedRank { get; init; }
}

/// <summary>A shop with its listings, for the admin's moderation page of one shop.</summary>
public sealed record ModeratedShopDetails(ModeratedShop Shop, IReadOnlyList<ModeratedListing> Listings);

/// <summary>What the admin decided about a creator's shop and listings (only what is not simply visible), shown to the creator.</summary>
public sealed record CreatorModerationNotices(ModeratedShop? Shop, IReadOnlyList<ModeratedListing> Listings)
{
    /// <summary>True when there is nothing to tell.</summary>
    public bool IsEmpty => Shop is null && Listings.Count == 0;
}

/// <summary>A featured shop on the home page: its address, name and the start of its bio.</summary>
public sealed record FeaturedShop(string DisplayName, string Slug, string? Bio);

/// <summary>Reads moderation for the admin, the creator and the home page.</summary>
public sealed class ModerationQueries(MarketplaceDbContext db)
{
    /// <summary>How many featured shops the home page shows.</summary>
    public const int FeaturedCount = 8;

    /// <summary>Shops whose name or slug contains <paramref name="search"/> (all when empty), featured first then by name, at most 100.</summary>
    public async Task<IReadOnlyList<ModeratedShop>> ShopsAsync(string? search, CancellationToken cancellationToken = default)
    {
        var shops = db.CreatorProfiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = Admin.LikePattern.Contains(search.Trim().ToLowerInvariant());
            shops = shops.Where(c => EF.Functions.Like(c.DisplayName.ToLower(), pattern, Admin.LikePattern.Escape)
                || EF.Functions.Like(c.Slug, pattern, Admin.LikePattern.Escape));
        }

        var rows = await shops.Select(c => new { c.Id, c.DisplayName, c.Slug, Moderation = db.ShopModerations.FirstOrDefault(m => m.CreatorProfileId == c.Id) })
            .OrderBy(r => r.Moderation == null || r.Moderation.FeaturedRank == null).ThenBy(r => r.Moderation!.FeaturedRank).ThenBy(r => r.DisplayName)
            .Take(100).ToListAsync(cancellationToken);
        return [.. rows.Select(r => Shop(r.Id, r.DisplayName, r.Slug, r.Moderation))];
    }

    /// <summary>Shop <paramref name="creatorId"/> with its listings (newest first); null when unknown.</summary>
    public async Task<ModeratedShopDetails?> ShopAsync(int creatorId, CancellationToken cancellationToken = default)
    {
        var shop = await db.CreatorProfiles.AsNoTracking().Where(c => c.Id == creatorId)
            .Select(c => new { c.Id, c.DisplayName, c.Slug, Moderation = db.ShopModerations.FirstOrDefault(m => m.CreatorProfileId == c.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        if (shop is null) return null;
        return new ModeratedShopDetails(Shop(shop.Id, shop.DisplayName, shop.Slug, shop.Moderation), await ListingsAsync(creatorId, false, cancellationToken));
    }

    /// <summary>The admin's decisions on creator <paramref name="creatorId"/>'s shop and listings that are not "visible".</summary>
    public async Task<CreatorModerationNotices> ForCreatorAsync(int creatorId, CancellationToken cancellationToken = default)
    {
        var shop = await db.ShopModerations.AsNoTracking().Where(m => m.CreatorProfileId == creatorId && m.Visibility != Visibility.Visible)
            .Join(db.CreatorProfiles, m => m.CreatorProfileId, c => c.Id, (m, c) => new { c.DisplayName, c.Slug, Moderation = m })
            .SingleOrDefaultAsync(cancellationToken);
        return new CreatorModerationNotices(shop is null ? null : Shop(creatorId, shop.DisplayName, shop.Slug, shop.Moderation),
            await ListingsAsync(creatorId, true, cancellationToken));
    }

    /// <summary>The shops the admin featured, in the admin's order: visible, active and not banned ones, at most <see cref="FeaturedCount"/>.</summary>
    public async Task<IReadOnlyList<FeaturedShop>> FeaturedShopsAsync(CancellationToken cancellationToken = default) =>
        await db.ShopModerations.AsNoTracking().Where(m => m.FeaturedRank != null && m.Visibility == Visibility.Visible)
            .Join(db.CreatorProfiles.Where(c => c.IsActive && c.Status != CreatorStatus.Banned), m => m.CreatorProfileId, c => c.Id, (m, c) => new { m.FeaturedRank, c.Id, c.DisplayName, c.Slug, c.Bio })
            .OrderBy(r => r.FeaturedRank).ThenBy(r => r.Id).Take(FeaturedCount)
            .Select(r => new FeaturedShop(r.DisplayName, r.Slug, r.Bio)).ToListAsync(cancellationToken);

    /// <summary>The last <paramref name="count"/> decisions, newest first.</summary>
    public async Task<IReadOnlyList<ModerationLogEntry>> RecentLogAsync(int count = 50, CancellationToken cancellationToken = default) =>
        await db.ModerationLog.AsNoTracking().OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);

    private async Task<IReadOnlyList<ModeratedListing>> ListingsAsync(int creatorId, bool onlyModerated, CancellationToken cancellationToken)
    {
        var rows = await db.Listings.AsNoTracking().Where(l => l.CreatorProfileId == creatorId)
            .Select(l => new { l.Id, l.Title, l.IsActive, l.CreatedAt, Moderation = db.ListingModerations.FirstOrDefault(m => m.ListingId == l.Id) })
            .Where(r => !onlyModerated || (r.Moderation != null && r.Moderation.Visibility != Visibility.Visible))
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ModeratedListing(r.Id, r.Title, r.IsActive, r.Moderation?.Visibility ?? Visibility.Visible, r.Moderation?.Reason)
            { FeaturedRank = r.Moderation?.FeaturedRank })];
    }

    private static ModeratedShop Shop(int id, string name, string slug, ShopModeration? moderation) =>
        new(id, name, slug, moderation?.Visibility ?? Visibility.Visible, moderation?.Reason, moderation?.FeaturedRank);
}
