using Marketplace.Core.Admin;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Marketplace.Core.Paging;

namespace Marketplace.Core.Orders;

/// <summary>
/// A creator's sales (<c>/creator/sales</c>): their orders that reached Stripe Checkout, newest first, and the totals of
/// the paid ones per currency. Every method takes the signed-in creator's id and reads only that creator's orders.
/// </summary>
public sealed class CreatorSales(MarketplaceDbContext db, TimeProvider clock)
{
    /// <summary>The page size of the sales list.</summary>
    public const int PageSize = 25;

    /// <summary>
    /// One page (1-based, clamped) of the creator's orders, newest first. Abandoned checkouts (Expired, or Pending past the
    /// session's <c>expires_at</c>) are left out unless <paramref name="withAbandoned"/>.
    /// </summary>
    public async Task<PagedList<Order>> PageAsync(int creatorProfileId, int? page, CancellationToken cancellationToken = default, bool withAbandoned = false)
    {
        var query = Orders(creatorProfileId);
        if (!withAbandoned)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            query = query.Where(o => o.Status != OrderStatus.Expired && !(o.Status == OrderStatus.Pending && o.CheckoutExpiresAt < now));
        }

        var total = await query.CountAsync(cancellationToken);
        var shown = PageNumbers.Clamp(page, total, PageSize);
        var items = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Skip((shown - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PagedList<Order>(items, shown, PageSize, total);
    }

    /// <summary>The creator's orders under an open dispute (Disputed), the evidence due soonest first; at most 50.</summary>
    public async Task<IReadOnlyList<Order>> OpenDisputesAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        await Orders(creatorProfileId).Where(o => o.Status == OrderStatus.Disputed).OrderBy(o => o.DisputeEvidenceDueBy).Take(50).ToListAsync(cancellationToken);

    /// <summary>Every order of the creator, oldest first (the CSV export), streamed.</summary>
    public IAsyncEnumerable<Order> AllAsync(int creatorProfileId) =>
        Orders(creatorProfileId).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).AsAsyncEnumerable();

    /// <summary>Paid totals per currency: this UTC month, the previous one, and all time; each a grouped query in SQL.</summary>
    public async Task<SalesTotals> TotalsAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return new SalesTotals(
            await TotalsQuery(db, creatorProfileId, thisMonth, thisMonth.AddMonths(1)).ToListAsync(cancellationToken),
            await TotalsQuery(db, creatorProfileId, thisMonth.AddMonths(-1), thisMonth).ToListAsync(cancellationToken),
            await TotalsQuery(db, creatorProfileId, null, null).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// The SQL part: the creator's paid orders (Paid, refunded in part or in full, disputed) with <paramref name="fromUtc"/> ≤ PaidAt &lt; <paramref name="toUtc"/>
    /// (null bounds: open), summed per currency, refunds deducted: gross is the amount less what was refunded, the fee the
    /// application fee less what was refunded of it.
    /// </summary>
    public static IQueryable<SalesTotal> TotalsQuery(MarketplaceDbContext db, int creatorProfileId, DateTime? fromUtc, DateTime? toUtc)
    {
        var paid = db.Orders.AsNoTracking().Where(o => o.CreatorProfileId == creatorProfileId && o.Status != OrderStatus.Pending && o.Status != OrderStatus.Expired);
        if (fromUtc is { } from) paid = paid.Where(o => o.PaidAt >= from);
        if (toUtc is { } to) paid = paid.Where(o => o.PaidAt < to);
        return paid.GroupBy(o => o.Currency)
            .Select(g => new SalesTotal(g.Key, g.Count(), g.Sum(o => o.AmountMinor - o.RefundedMinor), g.Sum(o => o.ApplicationFeeMinor - o.ApplicationFeeRefundedMinor)));
    }

    private IQueryable<Order> Orders(int creatorProfileId) =>
        db.Orders.AsNoTracking().Where(o => o.CreatorProfileId == creatorProfileId && o.StripeCheckoutSessionId != null);
}
