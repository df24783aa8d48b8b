using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Disputes;

/// <summary>
/// One won dispute whose transfer back to the creator is not paid yet: the amount (the reversal made for the dispute,
/// minor units of <paramref name="Currency"/>), the creator, since when it is owed (UTC; the order's last update when not
/// recorded) and Stripe's last refusal (<c>code: message</c>; null when none yet).
/// </summary>
public sealed record OwedToCreatorRow(int OrderId, string ListingTitle, int CreatorId, string CreatorName, string CreatorSlug, long AmountMinor,
    string Currency, DateTime OwedSince, string? LastRefusal, string DisputeId);

/// <summary>What the platform owes creators, one currency: how many transfers back and their sum (minor units).</summary>
public sealed record OwedToCreatorsTotal(string Currency, int Count, long AmountMinor);

/// <summary>
/// What the platform owes creators after won disputes (<see cref="Orders.Order.OwesTransferBack"/>): Stripe refused the
/// transfer back (the platform's available balance was short) and <see cref="DisputeRetransferSweepJob"/> retries it.
/// A row disappears once the transfer back exists. Read from our tables only (no Stripe call).
/// </summary>
public sealed class OwedToCreators(MarketplaceDbContext db)
{
    /// <summary>The longest owed first, at most <paramref name="take"/> rows.</summary>
    public async Task<IReadOnlyList<OwedToCreatorRow>> ListAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        var rows = await Owed().OrderBy(o => o.TransferBackOwedSince ?? o.UpdatedAt).ThenBy(o => o.Id).Take(take)
            .Select(o => new OwedToCreatorRow(o.Id, o.ListingTitle, o.CreatorProfileId, o.CreatorProfile!.DisplayName, o.CreatorProfile.Slug,
                o.DisputeTransferReversedMinor, o.Currency, o.TransferBackOwedSince ?? o.UpdatedAt, o.TransferBackRefusal, o.StripeDisputeId!))
            .ToListAsync(cancellationToken);
        return rows;
    }

    /// <summary>The sums per currency, sorted by currency; empty when nothing is owed.</summary>
    public async Task<IReadOnlyList<OwedToCreatorsTotal>> TotalsAsync(CancellationToken cancellationToken = default) =>
        [.. (await Owed().GroupBy(o => o.Currency).Select(g => new OwedToCreatorsTotal(g.Key, g.Count(), g.Sum(o => o.DisputeTransferReversedMinor)))
            .ToListAsync(cancellationToken)).OrderBy(t => t.Currency, StringComparer.Ordinal)];

    private IQueryable<Orders.Order> Owed() =>
        db.Orders.AsNoTracking().Where(o => o.DisputeStatus == "won" && o.DisputeTransferReversalId != null && o.DisputeRetransferId == null);
}
