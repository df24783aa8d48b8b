using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Core.Locking;
using Marketplace.Core.Plans;
using Marketplace.Core.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using Plan = Marketplace.Core.Plans.Plan;

namespace Marketplace.Core.PriceSync;

/// <summary>
/// Keeps each paid <see cref="Plan"/> as one Stripe Product and each <see cref="PlanPrice"/> as one recurring Stripe
/// Price (https://docs.stripe.com/products-prices/manage-prices), reusing what exists, never duplicating:
/// the stored id if it still matches, else the Price holding the <c>lookup_key</c>, else one found by searching
/// <c>metadata['plan_price_id']</c>, else a new one created with an idempotency key. Prices are immutable: a changed
/// amount gets a new Price, the <c>lookup_key</c> moves to it (<c>transfer_lookup_key</c>) and the old one is archived.
/// One sync per plan at a time (a lock), and the idempotency keys make two processes agree too.
/// </summary>
public sealed class PlanPriceSync(
    MarketplaceDbContext db,
    IStripeGateway stripe,
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
        Product? product = plan.StripeProductId is { } id ? await stripe.FindProductAsync(id, cancellationToken) : null;
        product ??= (await stripe.SearchProductsAsync($"metadata['{StripeMetadataKeys.PlanId}']:'{plan.Id}'", cancellationToken)).FirstOrDefault();
        var created = 0;
        if (product is null)
        {
            product = await stripe.CreateProductAsync(new ProductCreateOptions
            {
                Name = plan.Name,
                Description = string.IsNullOrWhiteSpace(plan.Description) ? null : plan.Description,
                Metadata = PlanMetadata(plan),
            }, IdempotencyKeys.PlanProduct(plan.Id), cancellationToken);
            created = 1;
        }
        else if (product.Name != plan.Name || !product.Active || (product.Description ?? "") != plan.Description)
        {
            product = await stripe.UpdateProductAsync(product.Id, new ProductUpdateOptions
            {
                Name = plan.Name,
                Description = string.IsNullOrWhiteSpace(plan.Description) ? null : plan.Description,
                Active = true,
                Metadata = PlanMetadata(plan),
            }, cancellationToken);
        }

        plan.LinkStripeProduct(product.Id);
        return new PriceSyncResult(created, 0, 0, 0);
    }

    private async Task<PriceSyncResult> SyncPriceAsync(Plan plan, PlanPrice price, CancellationToken cancellationToken)
    {
        var stale = new List<Price>();
        Price? match = null;
        if (price.StripePriceId is { } storedId && await stripe.FindPriceAsync(storedId, cancellationToken) is { } stored)
        {
            if (Matches(stored, plan, price)) match = stored;
            else stale.Add(stored);
        }

        if (match is null && await stripe.FindPriceByLookupKeyAsync(price.LookupKey, cancellationToken) is { } byKey)
        {
            if (Matches(byKey, plan, price)) match = byKey;
            else stale.Add(byKey);
        }

        match ??= (await stripe.SearchPricesAsync($"metadata['{StripeMetadataKeys.PlanPriceId}']:'{price.Id}' AND active:'true'", cancellationToken))
            .FirstOrDefault(p => Matches(p, plan, price));

        var created = 0;
        if (match is null)
        {
            match = await stripe.CreatePriceAsync(new PriceCreateOptions
            {
                Product = plan.StripeProductId,
                Currency = price.Currency,
                UnitAmount = price.AmountMinor,
                Recurring = new PriceRecurringOptions { Interval = Interval(price) },
                LookupKey = price.LookupKey,
                TransferLookupKey = true,
                Nickname = $"{plan.Name} {Interval(price)}ly",
                Metadata = PriceMetadata(plan, price),
            }, IdempotencyKeys.PlanPrice(price.Id, price.AmountMinor, price.Currency, Interval(price)), cancellationToken);
            created = 1;
            if (!match.Active) match = await stripe.UpdatePriceAsync(match.Id, new PriceUpdateOptions { Active = true }, cancellationToken);
        }

        if (match.LookupKey != price.LookupKey)
            match = await stripe.UpdatePriceAsync(match.Id, new PriceUpdateOptions { LookupKey = price.LookupKey, TransferLookupKey = true }, cancellationToken);

        var archived = 0;
        foreach (var old in stale.Where(p => p.Active && p.Id != match.Id).DistinctBy(p => p.Id))
        {
            await stripe.UpdatePriceAsync(old.Id, new PriceUpdateOptions { Active = false }, cancellationToken);
            archived++;
        }

        price.MarkSynced(match.Id, clock.GetUtcNow().UtcDateTime);
        return new PriceSyncResult(0, created, 1 - created, archived);
    }

    private async Task<PriceSyncResult> ArchiveAsync(PlanPrice price, CancellationToken cancellationToken)
    {
        if (price.StripePriceId is not { } id || await stripe.FindPriceAsync(id, cancellationToken) is not { Active: true }) return PriceSyncResult.Empty;
        await stripe.UpdatePriceAsync(id, new PriceUpdateOptions { Active = false }, cancellationToken);
        return new PriceSyncResult(0, 0, 0, 1);
    }

    /// <summary>True when a Stripe Price is active and is exactly this plan price: product, amount, currency, interval.</summary>
    private static bool Matches(Price stripePrice, Plan plan, PlanPrice price) =>
        stripePrice.Active
        && stripePrice.ProductId == plan.StripeProductId
        && stripePrice.UnitAmount == price.AmountMinor
        && string.Equals(stripePrice.Currency, price.Currency, StringComparison.OrdinalIgnoreCase)
        && stripePrice.Recurring?.Interval == Interval(price)
        && (stripePrice.Recurring?.IntervalCount ?? 1) == 1;

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
