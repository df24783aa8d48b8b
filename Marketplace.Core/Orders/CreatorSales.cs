using Marketplace.Core.Admin;
using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Marketplace.Core.Paging;
using Marketplace.Core.Sales;

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
        var query = withAbandoned ? Orders(creatorProfileId) : WithoutAbandoned(Orders(creatorProfileId));

        var total = await query.CountAsync(cancellationToken);
        var shown = PageNumbers.Clamp(page, total, PageSize);
        var items = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Skip((shown - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PagedList<Order>(items, shown, PageSize, total);
    }

    /// <summary>The creator's orders under an open dispute (Disputed), the evidence due soonest first; at most 50.</summary>
    public async Task<IReadOnlyList<Order>> OpenDisputesAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        await Orders(creatorProfileId).Where(o => o.Status == OrderStatus.Disputed).OrderBy(o => o.DisputeEvidenceDueBy).Take(50).ToListAsync(cancellationToken);

    /// <summary>
    /// Every order of the creator, oldest first (the CSV export), streamed; abandoned checkouts (Expired, or Pending past
    /// <c>expires_at</c>) only with <paramref name="withAbandoned"/>.
    /// </summary>
    public IAsyncEnumerable<Order> AllAsync(int creatorProfileId, bool withAbandoned = false) =>
        (withAbandoned ? Orders(creatorProfileId) : WithoutAbandoned(Orders(creatorProfileId))).OrderBy(o => o.CreatedAt).ThenBy(o => o.Id).AsAsyncEnumerable();

    /// <summary>Sales figures per currency (<see cref="SalesFigures"/>): this UTC month, the previous one, and all time; each a grouped query in SQL.</summary>
    public async Task<SalesTotals> TotalsAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var thisMonth = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return new SalesTotals(
            await Sorted(TotalsQuery(db, creatorProfileId, thisMonth, thisMonth.AddMonths(1)), cancellationToken),
            await Sorted(TotalsQuery(db, creatorProfileId, thisMonth.AddMonths(-1), thisMonth), cancellationToken),
            await Sorted(TotalsQuery(db, creatorProfileId, null, null), cancellationToken));
    }

    /// <summary>
    /// The SQL part: the creator's sales (every paid order, whatever happened since; abandoned checkouts left out) with
    /// <paramref name="fromUtc"/> ≤ PaidAt &lt; <paramref name="toUtc"/> (null bounds: open), as <see cref="SalesFigures"/> per currency.
    /// </summary>
    public static IQueryable<SalesFigures> TotalsQuery(MarketplaceDbContext db, int creatorProfileId, DateTime? fromUtc, DateTime? toUtc)
    {
        var paid = db.Orders.AsNoTracking().Where(o => o.CreatorProfileId == creatorProfileId);
        if (fromUtc is { } from) paid = paid.Where(o => o.PaidAt >= from);
        if (toUtc is { } to) paid = paid.Where(o => o.PaidAt < to);
        return SalesFigures.PerCurrency(paid);
    }

    private static async Task<IReadOnlyList<SalesFigures>> Sorted(IQueryable<SalesFigures> query, CancellationToken cancellationToken) =>
        [.. (await query.ToListAsync(cancellationToken)).OrderBy(s => s.Currency, StringComparer.Ordinal)];

    private IQueryable<Order> WithoutAbandoned(IQueryable<Order> query)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return query.Where(o => o.Status != OrderStatus.Expired && !(o.Status == OrderStatus.Pending && o.CheckoutExpiresAt < now));
    }

    private IQueryable<Order> Orders(int creatorProfileId) =>
        db.Orders.AsNoTracking().Where(o => o.CreatorProfileId == creatorProfileId && o.StripeCheckoutSessionId != null);
}
