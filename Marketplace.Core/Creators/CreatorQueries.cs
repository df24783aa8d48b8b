using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Creators;

/// <summary>Reads a signed-in creator's own data by Identity user id.</summary>
public sealed class CreatorQueries(MarketplaceDbContext db)
{
    /// <summary>The creator's profile with Connect account, subscription, plan and price; null if the user is no creator.</summary>
    public Task<CreatorProfile?> ProfileForUserAsync(string userId, CancellationToken cancellationToken = default) =>
        db.CreatorProfiles.AsNoTracking()
            .Include(c => c.StripeAccount)
            .Include(c => c.Subscription).ThenInclude(s => s!.Plan)
            .Include(c => c.Subscription).ThenInclude(s => s!.PlanPrice)
            .SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
}
