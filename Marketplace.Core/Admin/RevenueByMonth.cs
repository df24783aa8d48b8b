using Marketplace.Core.Data;
using Marketplace.Core.Invoices;
using Marketplace.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Marketplace.Core.Amounts;

namespace Marketplace.Core.Admin;

/// <summary>
/// Paid revenue per calendar month (UTC) from the payment ledger, one series per currency.
/// <see cref="Months"/> are the first day of each month, oldest first; each series has one amount per month, 0 for a
/// month without payments.
/// </summary>
public sealed record RevenueByMonth(IReadOnlyList<DateOnly> Months, IReadOnlyList<RevenueSeries> Series)
{
    /// <summary>Revenue of the last month of the window (the current month), per currency of the window.</summary>
    public IReadOnlyList<Money> ThisMonth => [.. Series.Select(s => new Money(s.Currency, s.AmountsMinor[^1]))];

    /// <summary>The series of <paramref name="currency"/>, or null when the window has none in it.</summary>
    public RevenueSeries? SeriesOf(string currency) => Series.FirstOrDefault(s => s.Currency == currency);

    /// <summary>Revenue of the month before the current one, per currency of the window.</summary>
    public IReadOnlyList<Money> LastMonth =>
        Months.Count < 2 ? [] : [.. Series.Select(s => new Money(s.Currency, s.AmountsMinor[^2]))];

    /// <summary>
    /// Sums the <see cref="PaymentStatus.Paid"/> ledger rows (<see cref="Payment.PaidAt"/>, UTC) of the
    /// <paramref name="months"/> calendar months ending with the month of <paramref name="nowUtc"/>, grouped in SQL by
    /// currency, year and month. Failed rows are not revenue.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is below 1.</exception>
    public static async Task<RevenueByMonth> ComputeAsync(MarketplaceDbContext db, DateTime nowUtc, int months = 12,
        CancellationToken cancellationToken = default)
    {
        var window = Window(nowUtc, months);
        var (from, to) = Bounds(window);
        return From(window, await SumsQuery(db, from, to).ToListAsync(cancellationToken));
    }

    /// <summary>The first day of each of the <paramref name="months"/> calendar months ending with the month of <paramref name="nowUtc"/>, oldest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is below 1.</exception>
    public static IReadOnlyList<DateOnly> Window(DateTime nowUtc, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var thisMonth = new DateOnly(nowUtc.Year, nowUtc.Month, 1);
        return [.. Enumerable.Range(0, months).Select(i => thisMonth.AddMonths(i - months + 1))];
    }

    /// <summary>The UTC instants a window covers: from its first day (inclusive) to the day after its last month (exclusive).</summary>
    public static (DateTime FromUtc, DateTime ToUtc) Bounds(IReadOnlyList<DateOnly> window) =>
        (window[0].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), window[^1].AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));

    /// <summary>One series per currency of <paramref name="sums"/> (sorted), one amount per month of <paramref name="window"/> (0 when none).</summary>
    public static RevenueByMonth From(IReadOnlyList<DateOnly> window, IEnumerable<RevenueMonthSum> sums)
    {
        var series = sums.GroupBy(s => s.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RevenueSeries(g.Key, [.. window.Select(m => g.Where(s => s.Year == m.Year && s.Month == m.Month).Sum(s => s.AmountMinor))]))
            .ToList();
        return new RevenueByMonth(window, series);
    }

    /// <summary>The SQL part: Paid ledger rows with <paramref name="fromUtc"/> ≤ PaidAt &lt; <paramref name="toUtc"/>, summed per currency and month.</summary>
    public static IQueryable<RevenueMonthSum> SumsQuery(MarketplaceDbContext db, DateTime fromUtc, DateTime toUtc) =>
        db.Payments.AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Paid && p.PaidAt >= fromUtc && p.PaidAt < toUtc)
            .GroupBy(p => new { p.Currency, p.PaidAt.Year, p.PaidAt.Month })
            .Select(g => new RevenueMonthSum(g.Key.Currency, g.Key.Year, g.Key.Month, g.Sum(p => p.AmountMinor)));
}

/// <summary>One currency's monthly amounts (minor units), aligned with <see cref="RevenueByMonth.Months"/>.</summary>
public sealed record RevenueSeries(string Currency, IReadOnlyList<long> AmountsMinor)
{
    /// <summary>The total over the window, minor units.</summary>
    public long TotalMinor => AmountsMinor.Sum();
}

/// <summary>Paid revenue of one currency in one calendar month (UTC), minor units.</summary>
public sealed record RevenueMonthSum(string Currency, int Year, int Month, long AmountMinor);
