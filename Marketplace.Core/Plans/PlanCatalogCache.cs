using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Core.Plans;

/// <summary>
/// The active plan catalogue (<see cref="PlanQueries.ActivePlansAsync"/>) kept in this process's
/// <see cref="IMemoryCache"/> for <see cref="Lifetime"/>: the public <c>/pricing</c> page reads it on every request and it
/// changes only when an admin saves a plan. <see cref="PlanCatalogAdmin"/> evicts it on every save, so this process shows
/// a change at once; another web process sharing the database shows it once its own entry expires, at most
/// <see cref="Lifetime"/> later (a short TTL instead of a cross-process signal: one read of the catalogue per process
/// every 10 s).
/// </summary>
public sealed class PlanCatalogCache(PlanQueries plans, IMemoryCache cache)
{
    /// <summary>How long another process may show the catalogue as it was before an admin's save.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private const string Key = "plan-catalogue:active";

    /// <summary>Active plans in display order with their active prices (untracked; shared: do not modify).</summary>
    public async Task<IReadOnlyList<Plan>> ActivePlansAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await plans.ActivePlansAsync(cancellationToken);
        }))!;

    /// <summary>Drops this process's copy (called after a plan or its prices are saved).</summary>
    public static void Evict(IMemoryCache cache) => cache.Remove(Key);
}
