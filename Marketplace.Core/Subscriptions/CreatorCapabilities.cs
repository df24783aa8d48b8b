using Marketplace.Core.Data;
using Marketplace.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Core.Subscriptions;

/// <summary>
/// What a creator may do now, from their current plan, cached per creator for 10 minutes. Every code path that changes
/// a creator's subscription calls <see cref="Invalidate"/>, so a change shows at once.
/// </summary>
public sealed class CreatorCapabilities(MarketplaceDbContext db, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The capabilities of the creator's plan; null when the creator has no subscription row.</summary>
    public async Task<PlanCapabilities?> GetAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(Key(creatorProfileId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await db.CreatorSubscriptions.AsNoTracking().Where(s => s.CreatorProfileId == creatorProfileId)
                .Select(s => s.Plan!.Capabilities).SingleOrDefaultAsync(cancellationToken);
        });

    /// <summary>Drops the cached entry of a creator.</summary>
    public void Invalidate(int creatorProfileId) => cache.Remove(Key(creatorProfileId));

    private static string Key(int creatorProfileId) => $"creator-capabilities:{creatorProfileId}";
}
