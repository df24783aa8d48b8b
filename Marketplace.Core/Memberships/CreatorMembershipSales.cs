using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Memberships;

/// <summary>One paid membership invoice as the creator's sales show it: when, which tier, amount, fee and net (minor units).</summary>
public sealed record MembershipSaleLine(DateTime PaidAt, string TierName, long AmountMinor, long ApplicationFeeMinor, long NetMinor, string Currency);

/// <summary>The creator's side of memberships on their sales page: members now and the latest membership payments.</summary>
public sealed class CreatorMembershipSales(MarketplaceDbContext db)
{
    /// <summary>How many latest payments <see cref="LatestAsync"/> returns.</summary>
    public const int Latest = 25;

    /// <summary>Members with a live subscription (<c>active</c>, <c>trialing</c>, <c>past_due</c>).</summary>
    public Task<int> MemberCountAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        db.Memberships.CountAsync(m => m.CreatorProfileId == creatorProfileId
            && (m.Status == "active" || m.Status == "trialing" || m.Status == "past_due"), cancellationToken);

    /// <summary>The <see cref="Latest"/> newest membership payments, newest first.</summary>
    public async Task<IReadOnlyList<MembershipSaleLine>> LatestAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        await db.MembershipPayments.AsNoTracking().Where(p => p.CreatorProfileId == creatorProfileId)
            .Join(db.Memberships, p => p.MembershipId, m => m.Id, (p, m) => new { p, m.Tier!.Name })
            .OrderByDescending(x => x.p.PaidAt).ThenByDescending(x => x.p.Id).Take(Latest)
            .Select(x => new MembershipSaleLine(x.p.PaidAt, x.Name, x.p.AmountMinor, x.p.ApplicationFeeMinor, x.p.AmountMinor - x.p.ApplicationFeeMinor, x.p.Currency))
            .ToListAsync(cancellationToken);
}
