using Hangfire;

namespace Marketplace.Core.PriceSync;

/// <summary>Hangfire entry points of the price sync: daily for every plan, and after an admin saves a plan.</summary>
public sealed class PriceSyncJob(PlanPriceSync sync)
{
    /// <summary>The daily recurring job's id.</summary>
    public const string RecurringJobId = "price-sync-daily";

    /// <summary>Syncs every paid plan.</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task SyncAllAsync(CancellationToken cancellationToken) => sync.SyncAllAsync(cancellationToken);

    /// <summary>Syncs one plan (enqueued when an admin saves it).</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task SyncPlanAsync(int planId, CancellationToken cancellationToken) => sync.SyncPlanAsync(planId, cancellationToken);
}
