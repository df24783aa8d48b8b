using Marketplace.Core.Data;
using Marketplace.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Admin;

/// <summary>
/// The marketplace's sales per calendar month (UTC, by <c>PaidAt</c>), one series per currency, from the one definition
/// of an order's figures (<see cref="OrderFigures"/>): GMV (what buyers paid), the platform's fees kept (application
/// fees less refunded fees), refunds, disputes' loss (withdrawn − reinstated) and the platform's net; and the window's
/// <see cref="SalesFigures"/> per currency (<see cref="Totals"/>). Every sale counts, whatever happened to it since;
/// abandoned checkouts never. Aligned with the subscription revenue's months.
/// </summary>
public sealed record OrderRevenueByMonth(RevenueByMonth Gmv, RevenueByMonth Fees, RevenueByMonth Refunded, RevenueByMonth DisputeLoss,
    RevenueByMonth PlatformNet, IReadOnlyList<SalesFigures> Totals)
{
    /// <summary>The sales of the <paramref name="months"/> calendar months ending with the month of <paramref name="nowUtc"/>, summed in SQL.</summary>
    public static async Task<OrderRevenueByMonth> ComputeAsync(MarketplaceDbContext db, DateTime nowUtc, int months = 12, CancellationToken cancellationToken = default)
    {
        var window = RevenueByMonth.Window(nowUtc, months);
        var (from, to) = RevenueByMonth.Bounds(window);
        var sums = await SumsQuery(db, from, to).ToListAsync(cancellationToken);
        RevenueByMonth Series(Func<OrderMonthSum, long> pick) =>
            RevenueByMonth.From(window, sums.Select(s => new RevenueMonthSum(s.Currency, s.Year, s.Month, pick(s))));
        var totals = await SalesFigures.PerCurrencyAsync(db.Orders.AsNoTracking().Where(o => o.PaidAt >= from && o.PaidAt < to), cancellationToken);
        return new OrderRevenueByMonth(Series(s => s.GmvMinor), Series(s => s.FeesMinor), Series(s => s.RefundedMinor), Series(s => s.DisputeLossMinor),
            Series(s => s.PlatformNetMinor), totals);
    }

    /// <summary>The SQL part: sales with <paramref name="fromUtc"/> ≤ PaidAt &lt; <paramref name="toUtc"/>, their figures summed per currency and month.</summary>
    public static IQueryable<OrderMonthSum> SumsQuery(MarketplaceDbContext db, DateTime fromUtc, DateTime toUtc) =>
        db.Orders.AsNoTracking()
            .Where(OrderFigures.IsSale)
            .Where(o => o.PaidAt >= fromUtc && o.PaidAt < toUtc)
            .Select(OrderFigures.Projection)
            .GroupBy(f => new { f.Currency, f.PaidAt!.Value.Year, f.PaidAt.Value.Month })
            .Select(g => new OrderMonthSum(g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(f => f.GrossMinor), g.Sum(f => f.PlatformFeeMinor),
                g.Sum(f => f.RefundedMinor), g.Sum(f => f.DisputedMinor - f.ReinstatedMinor), g.Sum(f => f.PlatformNetMinor)));
}

/// <summary>
/// Sales of one currency in one calendar month (UTC), minor units: GMV, the platform's fees kept, refunds, disputes'
/// loss (withdrawn − reinstated) and the platform's net (see <see cref="OrderFigures"/>).
/// </summary>
public sealed record OrderMonthSum(string Currency, int Year, int Month, long GmvMinor, long FeesMinor, long RefundedMinor = 0, long DisputeLossMinor = 0,
    long PlatformNetMinor = 0);
