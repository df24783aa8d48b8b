using Marketplace.Core.Data;
using Marketplace.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Admin;

/// <summary>
/// What buyers paid through the marketplace per calendar month (UTC), one series per currency: GMV (gross merchandise
/// value: the amounts of Paid orders) and the platform's fees (their application fees), by <c>PaidAt</c>. Aligned with
/// the subscription revenue's months.
/// </summary>
public sealed record OrderRevenueByMonth(RevenueByMonth Gmv, RevenueByMonth Fees)
{
    /// <summary>The Paid orders of the <paramref name="months"/> calendar months ending with the month of <paramref name="nowUtc"/>, summed in SQL.</summary>
    public static async Task<OrderRevenueByMonth> ComputeAsync(MarketplaceDbContext db, DateTime nowUtc, int months = 12, CancellationToken cancellationToken = default)
    {
        var window = RevenueByMonth.Window(nowUtc, months);
        var (from, to) = RevenueByMonth.Bounds(window);
        var sums = await SumsQuery(db, from, to).ToListAsync(cancellationToken);
        return new OrderRevenueByMonth(
            RevenueByMonth.From(window, sums.Select(s => new RevenueMonthSum(s.Currency, s.Year, s.Month, s.GmvMinor))),
            RevenueByMonth.From(window, sums.Select(s => new RevenueMonthSum(s.Currency, s.Year, s.Month, s.FeesMinor))));
    }

    /// <summary>The SQL part: Paid orders with <paramref name="fromUtc"/> ≤ PaidAt &lt; <paramref name="toUtc"/>, summed per currency and month.</summary>
    public static IQueryable<OrderMonthSum> SumsQuery(MarketplaceDbContext db, DateTime fromUtc, DateTime toUtc) =>
        db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.Paid && o.PaidAt >= fromUtc && o.PaidAt < toUtc)
            .GroupBy(o => new { o.Currency, o.PaidAt!.Value.Year, o.PaidAt.Value.Month })
            .Select(g => new OrderMonthSum(g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(o => o.AmountMinor), g.Sum(o => o.ApplicationFeeMinor)));
}

/// <summary>Paid orders of one currency in one calendar month (UTC): GMV and application fees, minor units.</summary>
public sealed record OrderMonthSum(string Currency, int Year, int Month, long GmvMinor, long FeesMinor);
