using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Memberships;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.PriceSync;

/// <summary>
/// Keeps each <see cref="MembershipTier"/> as one platform Stripe Product and one monthly Price, through the same
/// <see cref="StripeCatalogSync"/> as the plans: reused by stored id, <c>lookup_key</c> (<see cref="MembershipTier.LookupKey"/>)
/// or <c>metadata['membership_tier_id']</c>, a new Price (idempotency key with the amount and currency) when the amount
/// changes, the old one archived. An archived tier's Price is archived. One sync per tier at a time (a lock).
/// </summary>
public sealed class MembershipTierPriceSync(MarketplaceDbContext db, StripeCatalogSync catalog, IDistributedLocks locks,
    ILogger<MembershipTierPriceSync> logger)
{
    /// <summary>Syncs one tier and returns its Stripe Price id (null once archived). Throws what the gateway throws.</summary>
    /// <exception cref="InvalidOperationException">The tier does not exist.</exception>
    public async Task<string?> SyncAsync(int tierId, CancellationToken cancellationToken = default)
    {
        using var tierLock = await locks.AcquireAsync($"price-sync:membership-tier:{tierId}", TimeSpan.FromMinutes(2), cancellationToken);
        var tier = await db.MembershipTiers.SingleOrDefaultAsync(t => t.Id == tierId, cancellationToken)
            ?? throw new InvalidOperationException($"Membership tier {tierId} does not exist.");
        if (tier.IsArchived)
        {
            await catalog.ArchivePriceAsync(tier.StripePriceId, cancellationToken);
            return null;
        }

        var metadata = Metadata(tier);
        var (product, _) = await catalog.EnsureProductAsync(new WantedProduct(tier.StripeProductId, tier.Name, null,
            StripeMetadataKeys.MembershipTierId, metadata, IdempotencyKeys.MembershipTierProduct(tier.Id)), cancellationToken);
        var (price, result) = await catalog.EnsurePriceAsync(new WantedRecurringPrice(tier.StripePriceId, product.Id, tier.MonthlyAmountMinor,
            tier.Currency, "month", tier.LookupKey, $"{tier.Name} monthly", StripeMetadataKeys.MembershipTierId, metadata,
            IdempotencyKeys.MembershipTierPrice(tier.Id, tier.MonthlyAmountMinor, tier.Currency)), cancellationToken);
        tier.MarkSynced(product.Id, price.Id);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Price sync of membership tier {TierId}: {Result}", tier.Id, result);
        return price.Id;
    }

    private static Dictionary<string, string> Metadata(MembershipTier tier) => new()
    {
        [StripeMetadataKeys.MembershipTierId] = tier.Id.ToString(CultureInfo.InvariantCulture),
        [StripeMetadataKeys.CreatorId] = tier.CreatorProfileId.ToString(CultureInfo.InvariantCulture),
    };
}
