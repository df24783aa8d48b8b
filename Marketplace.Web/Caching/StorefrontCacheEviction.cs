using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Listings;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Marketplace.Web.Caching;

/// <summary>
/// Evicts this process's output-cached storefronts (<c>/c/{slug}</c>, <see cref="PageOutputCaching.StorefrontTag"/>)
/// whose content a save may have changed, whoever saved (a listing form, the admin's ban, a webhook handler, a test):
/// a saved <see cref="Listing"/>, membership tier or post, <see cref="CreatorProfile"/>, <see cref="CreatorSubscription"/>,
/// <see cref="CreatorStripeAccount"/> or the admin's moderation of a shop or listing evicts that creator's storefront (<see cref="PageOutputCaching.StorefrontTagOf"/>),
/// a saved <see cref="Plan"/> (its listing limit) every storefront; any of them also the home page's listings
/// (<see cref="PageOutputCaching.ListingCatalogueTag"/>), as does a saved order (the popular listings) or category. Runs after <c>SaveChanges</c> and again after the
/// commit of a transaction the save ran in (a page rendered in between from the old rows is evicted too).
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> and other processes' saves are not seen: entries expire after
/// <c>Caching:PageSeconds</c>.
/// </summary>
public sealed class StorefrontCacheEviction(IOutputCacheStore store) : AfterCommitInterceptor<string>
{
    /// <inheritdoc />
    protected override bool AlsoBeforeCommit => true;

    /// <inheritdoc />
    protected override bool Captures(EntityEntry entry) =>
        entry.Entity is Listing or Core.Memberships.MembershipTier or Core.Memberships.Posts.MembershipPost or CreatorProfile or CreatorSubscription or CreatorStripeAccount or Plan or Core.Orders.Order or Core.Categories.Category
            or Core.Moderation.ShopModeration or Core.Moderation.ListingModeration;

    /// <inheritdoc />
    protected override string ItemOf(object entity) => entity switch
    {
        Listing listing => PageOutputCaching.StorefrontTagOf(listing.CreatorProfileId),
        Core.Memberships.MembershipTier tier => PageOutputCaching.StorefrontTagOf(tier.CreatorProfileId),
        Core.Memberships.Posts.MembershipPost post => PageOutputCaching.StorefrontTagOf(post.CreatorProfileId),
        CreatorProfile creator => PageOutputCaching.StorefrontTagOf(creator.Id),
        CreatorSubscription subscription => PageOutputCaching.StorefrontTagOf(subscription.CreatorProfileId),
        CreatorStripeAccount account => PageOutputCaching.StorefrontTagOf(account.CreatorProfileId),
        Core.Moderation.ShopModeration shop => PageOutputCaching.StorefrontTagOf(shop.CreatorProfileId),
        Core.Moderation.ListingModeration listing => PageOutputCaching.StorefrontTagOf(listing.CreatorProfileId),
        Core.Orders.Order or Core.Categories.Category => PageOutputCaching.ListingCatalogueTag,
        _ => PageOutputCaching.StorefrontTag,
    };

    /// <inheritdoc />
    protected override async ValueTask AfterCommitAsync(IReadOnlyList<string> tags)
    {
        foreach (var tag in tags.Distinct()) await store.EvictByTagAsync(tag, CancellationToken.None);
        if (tags.Count > 0) await store.EvictByTagAsync(PageOutputCaching.ListingCatalogueTag, CancellationToken.None);
    }
}
