using Marketplace.Core.CreatorHome;
using Marketplace.Core.Amounts;

namespace Marketplace.Web.Models;

/// <summary>
/// The geometry of one currency's bar chart of the creator's last 30 days (net per UTC day), drawn as inline SVG on
/// <c>/creator</c> like the admin dashboard's <see cref="RevenueChart"/> (same frame and <see cref="RevenueChart.N"/>), with
/// the same figures in a table. Currencies are never drawn on one axis.
/// </summary>
public sealed record DailySalesChart(string Currency, string TotalText, string MaxText, int OrderCount, IReadOnlyList<DailySalesBar> Bars)
{
    /// <summary>The bars of <paramref name="sales"/>, heights proportional to the net, the highest reaching the top.</summary>
    public static DailySalesChart From(CurrencySales sales)
    {
        var max = Math.Max(1, sales.Days.Max(d => d.NetMinor));
        var slot = (RevenueChart.Width - RevenueChart.Left - 8) / sales.Days.Count;
        var bars = sales.Days.Select((d, i) =>
        {
            var height = (RevenueChart.Baseline - RevenueChart.Top) * Math.Max(0, d.NetMinor) / max;
            return new DailySalesBar(Localization.Formats.Day(d.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), d.Day.Day, d.OrderCount, d.NetMinor,
                Money.Format(d.NetMinor, sales.Currency), RevenueChart.Left + (i * slot) + (slot * 0.1), RevenueChart.Baseline - height, slot * 0.8, height);
        }).ToList();
        return new DailySalesChart(sales.Currency, Money.Format(sales.NetMinor, sales.Currency), Money.Format(max == 1 ? 0 : max, sales.Currency), sales.OrderCount, bars);
    }
}

/// <summary>One day's bar: its labels, paid orders, net (minor units and formatted) and its rectangle in SVG user units.</summary>
public sealed record DailySalesBar(string DayLabel, int DayOfMonth, int OrderCount, long NetMinor, string NetText, double X, double Y, double Width, double Height);
