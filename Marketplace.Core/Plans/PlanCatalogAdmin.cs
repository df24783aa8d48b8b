using Hangfire;
using Marketplace.Core.Data;
using Marketplace.Core.PriceSync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Core.Plans;

/// <summary>
/// The admin's changes to the plan catalogue. Every save enqueues a price sync of that plan (a Hangfire job), so Stripe
/// follows within seconds; amounts are minor units.
/// </summary>
public sealed class PlanCatalogAdmin(MarketplaceDbContext db, IBackgroundJobClient jobs, IMemoryCache cache)
{
    /// <summary>Every plan with all its prices (active or not), in display order.</summary>
    public async Task<IReadOnlyList<Plan>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Plans.AsNoTracking().Include(p => p.Prices).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>A plan with all its prices; null when unknown.</summary>
    public Task<Plan?> FindAsync(int planId, CancellationToken cancellationToken = default) =>
        db.Plans.AsNoTracking().Include(p => p.Prices).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);

    /// <summary>Creates a plan with its monthly and yearly prices (null: none) and its French name and description (empty: none).</summary>
    /// <exception cref="DomainException">The code exists already, or a value breaks a plan rule.</exception>
    public async Task<Plan> CreateAsync(string code, string name, string description, int sortOrder, int trialDays,
        PlanCapabilities capabilities, string currency, long? monthlyMinor, long? yearlyMinor, CancellationToken cancellationToken = default,
        string? nameFr = null, string? descriptionFr = null)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (await db.Plans.AnyAsync(p => p.Code == normalized, cancellationToken)) throw new DomainException("A plan with code {0} exists already.", normalized);
        var plan = new Plan(normalized, name, description, sortOrder, trialDays, capabilities);
        plan.Translate(nameFr, descriptionFr);
        if (monthlyMinor is { } month) plan.AddPrice(PlanInterval.Month, month, currency);
        if (yearlyMinor is { } year) plan.AddPrice(PlanInterval.Year, year, currency);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        PlanCatalogCache.Evict(cache);
        EnqueueSync(plan);
        return plan;
    }

    /// <summary>
    /// Updates a plan, its French name and description (empty: none) and its prices. A changed amount keeps the row and drops its Stripe id: the sync creates a new
    /// Price and archives the old one. A cleared amount deactivates that price; a new one is added in the plan's currency.
    /// </summary>
    /// <exception cref="DomainException">Unknown plan, or a value breaks a plan rule.</exception>
    public async Task UpdateAsync(int planId, string name, string description, int sortOrder, int trialDays, PlanCapabilities capabilities,
        string currency, long? monthlyMinor, long? yearlyMinor, CancellationToken cancellationToken = default, string? nameFr = null, string? descriptionFr = null)
    {
        var plan = await db.Plans.Include(p => p.Prices).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new DomainException("This plan does not exist.");
        plan.Update(name, description, sortOrder, trialDays, capabilities);
        plan.Translate(nameFr, descriptionFr);
        SetPrice(plan, PlanInterval.Month, monthlyMinor, currency);
        SetPrice(plan, PlanInterval.Year, yearlyMinor, currency);
        await db.SaveChangesAsync(cancellationToken);
        PlanCatalogCache.Evict(cache);
        EnqueueSync(plan);
    }

    /// <summary>Makes a plan selectable (true) or not (false); existing subscribers keep it.</summary>
    /// <exception cref="DomainException">Unknown plan, or deactivating the Free plan.</exception>
    public async Task SetActiveAsync(int planId, bool active, CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, cancellationToken) ?? throw new DomainException("This plan does not exist.");
        if (!active && plan.IsFree) throw new DomainException("The Free plan is where every creator starts: it cannot be deactivated.");
        if (active) plan.Activate();
        else plan.Deactivate();
        await db.SaveChangesAsync(cancellationToken);
        PlanCatalogCache.Evict(cache);
    }

    /// <summary>Enqueues a sync of every plan now (the admin's "Sync now"); returns the Hangfire job id.</summary>
    public string EnqueueSyncAll() => jobs.Enqueue<PriceSyncJob>(job => job.SyncAllAsync(CancellationToken.None));

    private void EnqueueSync(Plan plan)
    {
        if (!plan.IsFree) jobs.Enqueue<PriceSyncJob>(job => job.SyncPlanAsync(plan.Id, CancellationToken.None));
    }

    private static void SetPrice(Plan plan, PlanInterval interval, long? amountMinor, string currency)
    {
        var current = plan.Prices.FirstOrDefault(p => p.IsActive && p.Interval == interval);
        if (amountMinor is null)
        {
            current?.Deactivate();
            return;
        }

        if (current is null) plan.AddPrice(interval, amountMinor.Value, currency);
        else if (current.Currency != currency.ToLowerInvariant()) throw new DomainException("A price's currency cannot change; create a new plan instead.");
        else current.ChangeAmount(amountMinor.Value);
    }
}
