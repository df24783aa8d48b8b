using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Plans;

/// <summary>Read-only views of the plan catalogue.</summary>
public sealed class PlanQueries(MarketplaceDbContext db)
{
    /// <summary>Active plans in display order, each with its active prices only (untracked).</summary>
    public async Task<IReadOnlyList<Plan>> ActivePlansAsync(CancellationToken cancellationToken = default) =>
        await db.Plans.AsNoTracking()
            .Where(p => p.IsActive)
            .Include(p => p.Prices.Where(price => price.IsActive))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
}
