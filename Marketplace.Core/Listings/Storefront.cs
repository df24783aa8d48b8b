using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Listings;

/// <summary>A creator's public shop: their oldest active listings up to their plan's limit (each with its cover only), and how many are hidden beyond it.</summary>
/// <param name="CreatorId">The shop's creator profile id (the storefront's output-cache tag).</param>
public sealed record StorefrontView(int CreatorId, string DisplayName, string Slug, IReadOnlyList<Listing> Listings, int HiddenCount)
{
    /// <summary>The shop's bio, links, contact and refund policy (<see cref="Shops.ShopDetails"/>).</summary>
    public Shops.ShopDetails Details { get; init; } = Shops.ShopDetails.None;

    /// <summary>The membership tiers the shop offers (visible, not archived), cheapest first.</summary>
    public IReadOnlyList<Memberships.MembershipTier> Tiers { get; init; } = [];
}

/// <summary>One listing as a visitor sees it at <c>/c/{slug}/{listingId}</c> (with all its pictures), with whose shop it is.</summary>
/// <param name="CreatorId">The shop's creator profile id.</param>
/// <param name="CreatorUserId">The shop owner's Identity user id (a creator cannot buy their own listing).</param>
public sealed record StorefrontListing(int CreatorId, string CreatorUserId, string DisplayName, string Slug, Listing Listing)
{
    /// <summary>The shop's bio, links, contact and refund policy (<see cref="Shops.ShopDetails"/>).</summary>
    public Shops.ShopDetails Details { get; init; } = Shops.ShopDetails.None;
}

/// <summary>Reads the public storefront <c>/c/{slug}</c> and its listing pages.</summary>
public sealed class Storefront(MarketplaceDbContext db)
{
    /// <summary>
    /// The storefront of <paramref name="slug"/>; null for an unknown, banned or deactivated creator, or a shop the admin
    /// hid. Listings beyond the plan's <c>MaxListings</c> (a creator whose plan lapsed) are hidden, never deleted; listings
    /// the admin hid or unlisted are not listed (an unlisted one keeps its page).
    /// </summary>
    public async Task<StorefrontView?> ForSlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var creator = await ShopAsync(slug, cancellationToken);
        if (creator is null) return null;
        var active = ActiveListings(creator.Id).Where(l => !db.ListingModerations.Any(m => m.ListingId == l.Id && m.Visibility == Moderation.Visibility.Unlisted));
        // One more than the limit: when that one is not there, these are all of them and no second query counts them.
        var read = await active.Include(l => l.Images.Where(i => i.Position == ListingImage.CoverPosition)).Take(creator.Limit == int.MaxValue ? creator.Limit : creator.Limit + 1).ToListAsync(cancellationToken);
        var shown = read.Take(creator.Limit).ToList();
        var total = read.Count <= creator.Limit ? read.Count : await active.CountAsync(cancellationToken);
        var tiers = await db.MembershipTiers.AsNoTracking().Where(t => t.CreatorProfileId == creator.Id && t.IsVisible && !t.IsArchived)
            .OrderBy(t => t.MonthlyAmountMinor).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return new StorefrontView(creator.Id, creator.DisplayName, creator.Slug, shown, total - shown.Count) { Details = creator.Details, Tiers = tiers };
    }

    /// <summary>
    /// Listing <paramref name="listingId"/> of the shop <paramref name="slug"/> when a visitor may see (and buy) it:
    /// active, of this creator, not hidden by the admin, and among those the plan shows. Null otherwise (another creator's
    /// listing id, a hidden or deactivated listing, an unknown, banned or hidden shop): the caller answers 404 and Buy
    /// refuses before any Stripe call.
    /// </summary>
    public async Task<StorefrontListing?> ListingAsync(string slug, int listingId, CancellationToken cancellationToken = default)
    {
        var creator = await ShopAsync(slug, cancellationToken);
        if (creator is null) return null;
        var shownIds = ActiveListings(creator.Id).Take(creator.Limit).Select(l => l.Id);
        var listing = await db.Listings.AsNoTracking().Include(l => l.Images).Include(l => l.Category).Where(l => l.Id == listingId && shownIds.Contains(l.Id)).SingleOrDefaultAsync(cancellationToken);
        return listing is null ? null : new StorefrontListing(creator.Id, creator.UserId, creator.DisplayName, creator.Slug, listing) { Details = creator.Details };
    }

    // Limit: the plan's MaxListings (no limit: int.MaxValue); 0 without a subscription row (nothing is shown).
    private sealed record Shop(int Id, string UserId, string DisplayName, string Slug, int Limit, Shops.ShopDetails Details);

    // The shop and its plan's limit in one query (CreatorCapabilities reads the same Plan.Capabilities).
    private Task<Shop?> ShopAsync(string slug, CancellationToken cancellationToken)
    {
        var normalized = (slug ?? "").Trim().ToLowerInvariant();
        return db.CreatorProfiles.AsNoTracking()
            .Where(c => c.Slug == normalized && c.IsActive && c.Status != CreatorStatus.Banned
                && !db.ShopModerations.Any(m => m.CreatorProfileId == c.Id && m.Visibility == Moderation.Visibility.Hidden))
            .Select(c => new Shop(c.Id, c.UserId, c.DisplayName, c.Slug,
                c.Subscription == null ? 0 : c.Subscription.Plan!.Capabilities.MaxListings ?? int.MaxValue,
                new Shops.ShopDetails(c.Bio, c.WebsiteUrl, c.SocialLinks, c.ShowContactEmail ? c.ContactEmail : null, c.RefundPolicy)
                {
                    Avatar = c.Avatar,
                    Banner = c.Banner,
                }))
            .SingleOrDefaultAsync(cancellationToken);
    }

    // Active listings the admin has not hidden (Moderation.ListingModeration), oldest first.
    private IQueryable<Listing> ActiveListings(int creatorId) =>
        db.Listings.AsNoTracking().Where(l => l.CreatorProfileId == creatorId && l.IsActive
                && !db.ListingModerations.Any(m => m.ListingId == l.Id && m.Visibility == Moderation.Visibility.Hidden))
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id);
}
