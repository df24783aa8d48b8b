using Hangfire;

namespace Marketplace.Core.PriceSync;

/// <summary>Hangfire entry point of a membership tier's price sync, enqueued when a creator saves or archives a tier.</summary>
public sealed class MembershipTierPriceSyncJob(MembershipTierPriceSync sync)
{
    /// <summary>Syncs the tier's Product and Price (Hangfire retries a Stripe failure).</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task SyncAsync(int tierId, CancellationToken cancellationToken) => sync.SyncAsync(tierId, cancellationToken);
}
