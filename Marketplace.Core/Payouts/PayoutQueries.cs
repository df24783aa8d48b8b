using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Payouts;

/// <summary>
/// A failed payout the creator must act on: <paramref name="AmountMinor"/> of <paramref name="Currency"/> (minor units),
/// Stripe's <paramref name="FailureCode"/> and <paramref name="FailureMessage"/>, and whether the Express dashboard (bank
/// details) can be opened. The pages say why in the creator's language (<see cref="PayoutFailureCodes"/>).
/// </summary>
public sealed record FailedPayoutNotice(string StripePayoutId, long AmountMinor, string Currency, string? FailureCode, string? FailureMessage,
    bool ExpressDashboardAvailable);

/// <summary>Reads a creator's payouts (newest first) and the failed payout the banner of every creator page shows.</summary>
public sealed class PayoutQueries(MarketplaceDbContext db)
{
    /// <summary>Most payouts listed on the sales page.</summary>
    public const int ListLimit = 20;

    /// <summary>The creator's latest <see cref="ListLimit"/> payouts, newest (Stripe's <c>created</c>) first; untracked.</summary>
    public async Task<IReadOnlyList<Payout>> LatestAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        await db.Payouts.AsNoTracking().Where(p => p.CreatorProfileId == creatorProfileId)
            .OrderByDescending(p => p.StripeCreatedAt).ThenByDescending(p => p.Id).Take(ListLimit).ToListAsync(cancellationToken);

    /// <summary>
    /// The newest failed payout of the signed-in user's creator account that no later payout (Stripe's <c>created</c>,
    /// strictly after) of the same Connect account has paid; null when there is none. One indexed query for every
    /// creator page, a second only when a payout failed.
    /// </summary>
    public async Task<FailedPayoutNotice?> UnresolvedFailureAsync(string userId, CancellationToken cancellationToken = default)
    {
        var failed = await db.Payouts.AsNoTracking()
            .Where(f => f.CreatorProfile!.UserId == userId && f.Status == PayoutStatus.Failed
                        && !db.Payouts.Any(p => p.StripeAccountId == f.StripeAccountId && p.Status == PayoutStatus.Paid && p.StripeCreatedAt > f.StripeCreatedAt))
            .OrderByDescending(f => f.StripeCreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new { f.StripePayoutId, f.AmountMinor, f.Currency, f.FailureCode, f.FailureMessage, f.CreatorProfileId })
            .FirstOrDefaultAsync(cancellationToken);
        if (failed is null) return null;
        var dashboard = await db.CreatorStripeAccounts.AnyAsync(a => a.CreatorProfileId == failed.CreatorProfileId && a.DetailsSubmitted && !a.IsDeauthorized,
            cancellationToken);
        return new FailedPayoutNotice(failed.StripePayoutId, failed.AmountMinor, failed.Currency, failed.FailureCode, failed.FailureMessage, dashboard);
    }
}
