using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Listings;

/// <summary>A listing on the home page or in search results: its page <c>/c/{Slug}/{ListingId}</c>, title, price (minor units, ISO 4217), shop name and tags (space-separated, <see cref="ListingTags"/>).</summary>
public sealed record CatalogueItem(int ListingId, string Title, long PriceMinor, string Currency, string ShopName, string Slug, string Tags)
{
    /// <summary>The tags one by one.</summary>
    public IReadOnlyList<string> TagList => ListingTags.Split(Tags);
}

/// <summary>What the home page shows on sale: the newest listings and the most bought of the last 30 days.</summary>
public sealed record CatalogueView(IReadOnlyList<CatalogueItem> Newest, IReadOnlyList<CatalogueItem> Popular)
{
    /// <summary>The buyable listings the admin featured, in the admin's order (1 first; ties: newest first), at most <see cref="ListingCatalogue.Size"/>.</summary>
    public IReadOnlyList<CatalogueItem> Featured { get; init; } = [];

    /// <summary>The shops the admin featured, in the admin's order (<see cref="Moderation.ModerationQueries.FeaturedShopsAsync"/>).</summary>
    public IReadOnlyList<Moderation.FeaturedShop> FeaturedShops { get; init; } = [];

    /// <summary>Every category, in the admin's order, each linking to its listings.</summary>
    public IReadOnlyList<Categories.Category> Categories { get; init; } = [];
}

/// <summary>
/// Reads the home page's listings. Only listings a visitor can buy: active, among those the shop's plan shows (the
/// storefront's rule: the oldest up to <c>MaxListings</c>), of a shop that passes the payment guard
/// (<see cref="PaymentEligibility.Evaluate"/> on <see cref="PaymentEligibility.FactsProjection"/>, the same rule as Buy).
/// Shops and listings the admin unlisted or hid (<see cref="Moderation.Visibility"/>) are left out.
/// </summary>
public sealed class ListingCatalogue(MarketplaceDbContext db, TimeProvider clock)
{
    /// <summary>How many listings each list holds.</summary>
    public const int Size = 12;

    /// <summary>How far back "popular" counts paid orders, days.</summary>
    public const int PopularDays = 30;

    /// <summary>
    /// The <see cref="Size"/> buyable listings the admin featured (<see cref="Moderation.ListingModeration.FeaturedRank"/>),
    /// the <see cref="Size"/> newest buyable listings, and the <see cref="Size"/> with the most paid orders in the last
    /// <see cref="PopularDays"/> days (ties: newest first).
    /// </summary>
    public async Task<CatalogueView> ReadAsync(CancellationToken cancellationToken = default)
    {
        var shops = await PayableShopIdsAsync(cancellationToken);
        var buyable = Buyable(shops);
        var newest = await buyable.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id).Take(Size).Select(Item).ToListAsync(cancellationToken);
        var featured = await buyable
            .Join(db.ListingModerations.Where(m => m.FeaturedRank != null), l => l.Id, m => m.ListingId, (l, m) => new { Listing = l, m.FeaturedRank })
            .OrderBy(r => r.FeaturedRank).ThenByDescending(r => r.Listing.CreatedAt).ThenByDescending(r => r.Listing.Id).Take(Size)
            .Select(r => r.Listing).Select(Item).ToListAsync(cancellationToken);

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-PopularDays);
        var counts = await db.Orders.AsNoTracking()
            .Where(o => o.Status != OrderStatus.Pending && o.Status != OrderStatus.Expired && o.PaidAt >= since && shops.Contains(o.CreatorProfileId))
            .GroupBy(o => o.ListingId).Select(g => new { ListingId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.ListingId).Take(Size * 2).ToListAsync(cancellationToken);
        var ids = counts.Select(c => c.ListingId).ToList();
        var popularItems = await buyable.Where(l => ids.Contains(l.Id)).Select(Item).ToListAsync(cancellationToken);
        var popular = popularItems.OrderBy(i => ids.IndexOf(i.ListingId)).Take(Size).ToList();
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.NameEn).ToListAsync(cancellationToken);
        return new CatalogueView(newest, popular) { Featured = featured, Categories = categories };
    }

    /// <summary>The card of a listing, as a query projection.</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Listing, CatalogueItem>> Item =
        l => new CatalogueItem(l.Id, l.Title, l.PriceMinor, l.Currency, l.CreatorProfile!.DisplayName, l.CreatorProfile.Slug, l.Tags);

    // Active listings of those shops that the storefront shows: fewer older active listings than the plan's limit.
    internal IQueryable<Listing> Buyable(List<int> shops) =>
        db.Listings.AsNoTracking().Where(l => l.IsActive && shops.Contains(l.CreatorProfileId)
            && !db.ListingModerations.Any(m => m.ListingId == l.Id && m.Visibility != Moderation.Visibility.Visible)
            && l.CreatorProfile!.Subscription != null
            && (l.CreatorProfile.Subscription.Plan!.Capabilities.MaxListings == null
                || db.Listings.Count(o => o.CreatorProfileId == l.CreatorProfileId && o.IsActive
                    && (o.CreatedAt < l.CreatedAt || (o.CreatedAt == l.CreatedAt && o.Id < l.Id))) < l.CreatorProfile.Subscription.Plan.Capabilities.MaxListings));

    // The guard's facts of the shops that could pass it (the SQL pre-filter), then the guard itself on each.
    internal async Task<List<int>> PayableShopIdsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.CreatorProfiles.AsNoTracking()
            .Where(c => c.IsActive && c.Status == CreatorStatus.Active && c.StripeAccount != null && c.StripeAccount.ChargesEnabled
                        && !db.ShopModerations.Any(m => m.CreatorProfileId == c.Id && m.Visibility != Moderation.Visibility.Visible)
                        && c.StripeAccount.PayoutsEnabled && c.StripeAccount.DetailsSubmitted && !c.StripeAccount.IsDeauthorized)
            .Select(PaymentEligibility.FactsProjection).ToListAsync(cancellationToken);
        return [.. rows.Where(r => PaymentEligibility.Evaluate(r.Facts).IsEligible).Select(r => r.CreatorId)];
    }
}
