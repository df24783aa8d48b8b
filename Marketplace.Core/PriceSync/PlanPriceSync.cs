using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Plans;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using Plan = Marketplace.Core.Plans.Plan;

namespace Marketplace.Core.PriceSync;

/// <summary>
/// Keeps each paid <see cref="Plan"/> as one Stripe Product and each <see cref="PlanPrice"/> as one recurring Stripe
/// Price (https://docs.stripe.com/products-prices/manage-prices), reusing what exists, never duplicating, through
/// <see cref="StripeCatalogSync"/>: the stored id if it still matches, else the Price holding the <c>lookup_key</c>, else
/// one found by searching <c>metadata['plan_price_id']</c>, else a new one created with an idempotency key. Prices are immutable: a changed
/// amount gets a new Price, the <c>lookup_key</c> moves to it (<c>transfer_lookup_key</c>) and the old one is archived.
/// One sync per plan at a time (a lock), and the idempotency keys make two processes agree too.
/// </summary>
public sealed class PlanPriceSync(
    MarketplaceDbContext db,
    StripeCatalogSync catalog,
    IDistributedLocks locks,
    TimeProvider clock,
    ILogger<PlanPriceSync> logger)
{
    /// <summary>Syncs every paid plan. Throws what the gateway throws (<see cref="StripeException"/>, network errors).</summary>
    public async Task<PriceSyncResult> SyncAllAsync(CancellationToken cancellationToken = default)
    {
        var planIds = await db.Plans.Where(p => p.Code != PlanCodes.Free).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        var total = PriceSyncResult.Empty;
        foreach (var planId in planIds) total += await SyncPlanAsync(planId, cancellationToken);
        return total;
    }

    /// <summary>
    /// Syncs one plan: its Product, its active prices (created or reused), and archives the Stripe Prices of its
    /// deactivated prices. The Free plan has nothing in Stripe.
    /// </summary>
    /// <exception cref="InvalidOperationException">The plan does not exist.</exception>
    public async Task<PriceSyncResult> SyncPlanAsync(int planId, CancellationToken cancellationToken = default)
    {
        using var planLock = await locks.AcquireAsync($"price-sync:plan:{planId}", TimeSpan.FromMinutes(2), cancellationToken);
        db.ChangeTracker.Clear();
        var plan = await db.Plans.Include(p => p.Prices).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan {planId} does not exist.");
        if (plan.IsFree) return PriceSyncResult.Empty;

        var result = await SyncProductAsync(plan, cancellationToken);
        foreach (var price in plan.Prices)
        {
            result += price.IsActive ? await SyncPriceAsync(plan, price, cancellationToken) : await ArchiveAsync(price, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Price sync of {PlanCode}: {Result}", plan.Code, result);
        return result;
    }

    /// <summary>The Stripe Price id of a plan price, syncing its plan first when it has none yet (lazily, before a checkout).</summary>
    /// <exception cref="InvalidOperationException">The plan price does not exist or is inactive.</exception>
    public async Task<string> EnsureStripePriceAsync(int planPriceId, CancellationToken cancellationToken = default)
    {
        var price = await db.PlanPrices.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planPriceId, cancellationToken)
            ?? throw new InvalidOperationException($"Plan price {planPriceId} does not exist.");
        if (!price.IsActive) throw new InvalidOperationException($"Plan price {planPriceId} is not active.");
        if (price.StripePriceId is not null) return price.StripePriceId;
        await SyncPlanAsync(price.PlanId, cancellationToken);
        return (await db.PlanPrices.AsNoTracking().SingleAsync(p => p.Id == planPriceId, cancellationToken)).StripePriceId!;
    }

    private async Task<PriceSyncResult> SyncProductAsync(Plan plan, CancellationToken cancellationToken)
    {
        var (product, result) = await catalog.EnsureProductAsync(new WantedProduct(plan.StripeProductId, plan.Name, plan.Description,
            StripeMetadataKeys.PlanId, PlanMetadata(plan), IdempotencyKeys.PlanProduct(plan.Id)), cancellationToken);
        plan.LinkStripeProduct(product.Id);
        return result;
    }

    private async Task<PriceSyncResult> SyncPriceAsync(Plan plan, PlanPrice price, CancellationToken cancellationToken)
    {
        var (match, result) = await catalog.EnsurePriceAsync(new WantedRecurringPrice(price.StripePriceId, plan.StripeProductId!,
            price.AmountMinor, price.Currency, Interval(price), price.LookupKey, $"{plan.Name} {Interval(price)}ly",
            StripeMetadataKeys.PlanPriceId, PriceMetadata(plan, price),
            IdempotencyKeys.PlanPrice(price.Id, price.AmountMinor, price.Currency, Interval(price))), cancellationToken);
        price.MarkSynced(match.Id, clock.GetUtcNow().UtcDateTime);
        return result;
    }

    private Task<PriceSyncResult> ArchiveAsync(PlanPrice price, CancellationToken cancellationToken) =>
        catalog.ArchivePriceAsync(price.StripePriceId, cancellationToken);

    private static string Interval(PlanPrice price) => price.Interval == PlanInterval.Year ? "year" : "month";

    private static Dictionary<string, string> PlanMetadata(Plan plan) => new()
    {
        [StripeMetadataKeys.PlanId] = plan.Id.ToString(CultureInfo.InvariantCulture),
        [StripeMetadataKeys.PlanCode] = plan.Code,
    };

    private static Dictionary<string, string> PriceMetadata(Plan plan, PlanPrice price) => new(PlanMetadata(plan))
    {
        [StripeMetadataKeys.PlanPriceId] = price.Id.ToString(CultureInfo.InvariantCulture),
        [StripeMetadataKeys.Interval] = Interval(price),
    };
}
