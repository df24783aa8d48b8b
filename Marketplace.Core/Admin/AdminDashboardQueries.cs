using Marketplace.Core.Orders;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.Core.Memberships;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Admin;

/// <summary>The admin dashboard's figures at <see cref="AsOfUtc"/>.</summary>
/// <param name="CreatorCount">Every creator profile.</param>
/// <param name="EligibleCreatorCount">Creators for whom the payment guard passes now.</param>
/// <param name="PaidSubscriptionsByStatus">Current Stripe subscriptions per status (Free plan excluded).</param>
/// <param name="FreePlanCount">Creators on the Free plan (no Stripe subscription).</param>
/// <param name="Mrr">Monthly recurring revenue per currency, see <see cref="Admin.Mrr"/>.</param>
/// <param name="Revenue">Paid subscription revenue of the last 12 calendar months per currency, this month last.</param>
/// <param name="Orders">GMV and platform fees of buyers' Paid orders over the same months, per currency.</param>
/// <param name="AsOfUtc">When the figures were read, UTC.</param>
/// <param name="OpenDisputeCount">Buyers' orders under an open dispute (Disputed).</param>
/// <param name="Owed">Won disputes whose transfer back to the creator is not paid yet, the longest owed first (at most 10).</param>
/// <param name="OwedTotals">Their sums per currency (every owed transfer back, not only the 10 shown).</param>
/// <param name="MembersMrr">Members' monthly recurring revenue per currency (creators' memberships, <see cref="MembershipNumbers"/>).</param>
/// <param name="MembershipFees">Membership payments and the platform's application fees on them over the same 12 months as <paramref name="Revenue"/>, per currency.</param>
public sealed record AdminDashboard(
    int CreatorCount,
    int EligibleCreatorCount,
    IReadOnlyList<SubscriptionStatusCount> PaidSubscriptionsByStatus,
    int FreePlanCount,
    IReadOnlyList<MrrLine> Mrr,
    RevenueByMonth Revenue,
    OrderRevenueByMonth Orders,
    DateTime AsOfUtc,
    int OpenDisputeCount = 0,
    IReadOnlyList<Disputes.OwedToCreatorRow>? Owed = null,
    IReadOnlyList<Disputes.OwedToCreatorsTotal>? OwedTotals = null,
    IReadOnlyList<MembersMrrLine>? MembersMrr = null,
    IReadOnlyList<MembershipFeesLine>? MembershipFees = null);

/// <summary>How many current subscriptions have one status.</summary>
public sealed record SubscriptionStatusCount(SubscriptionStatus Status, int Count);

/// <summary>Reads the admin dashboard (<c>/admin</c>): counts, MRR, subscription revenue, GMV and fees, from our own tables only (no Stripe call).</summary>
public sealed class AdminDashboardQueries(MarketplaceDbContext db, TimeProvider clock, Disputes.OwedToCreators owed, MembershipNumbers memberships)
{
    /// <summary>
    /// Every figure of the dashboard. The eligible count reads every creator's guard facts in one query and evaluates
    /// <see cref="PaymentEligibility.Evaluate"/> on each (the rule stays in one place).
    /// </summary>
    public async Task<AdminDashboard> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var creatorCount = await db.CreatorProfiles.CountAsync(cancellationToken);
        var eligible = 0;
        await foreach (var row in db.CreatorProfiles.AsNoTracking().Select(PaymentEligibility.FactsProjection).AsAsyncEnumerable().WithCancellation(cancellationToken))
            if (PaymentEligibility.Evaluate(row.Facts).IsEligible) eligible++;

        var byStatus = await db.CreatorSubscriptions.AsNoTracking()
            .Where(s => s.StripeSubscriptionId != null)
            .GroupBy(s => s.Status)
            .Select(g => new SubscriptionStatusCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var free = await db.CreatorSubscriptions.CountAsync(s => s.StripeSubscriptionId == null, cancellationToken);
        var mrr = await Admin.Mrr.ComputeAsync(db, cancellationToken);
        var revenue = await RevenueByMonth.ComputeAsync(db, now, 12, cancellationToken);
        var orders = await OrderRevenueByMonth.ComputeAsync(db, now, 12, cancellationToken);
        var openDisputes = await db.Orders.CountAsync(o => o.Status == OrderStatus.Disputed, cancellationToken);
        var (from, to) = RevenueByMonth.Bounds(revenue.Months);
        return new AdminDashboard(creatorCount, eligible, [.. byStatus.OrderBy(s => s.Status)], free, mrr, revenue, orders, now, openDisputes,
            await owed.ListAsync(10, cancellationToken), await owed.TotalsAsync(cancellationToken),
            await memberships.MrrAsync(cancellationToken), await memberships.FeesAsync(from, to, cancellationToken));
    }
}
