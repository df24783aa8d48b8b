using System.Globalization;
using Marketplace.Core.Admin;
using Marketplace.Core.Plans;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>
/// The geometry of one currency's bar chart of monthly revenue, drawn as inline SVG by the dashboard (no script, no
/// library). Each currency has its own chart and scale: amounts in different currencies are never drawn on one axis.
/// </summary>
public sealed record RevenueChart(string Currency, string TotalText, string MaxText, IReadOnlyList<RevenueChartBar> Bars)
{
    /// <summary>The SVG's width in user units.</summary>
    public const double Width = 640;

    /// <summary>The SVG's height in user units.</summary>
    public const double Height = 220;

    /// <summary>Left margin for the axis labels.</summary>
    public const double Left = 96;

    /// <summary>Top of the plot area.</summary>
    public const double Top = 16;

    /// <summary>Bottom of the plot area (the baseline); month labels go below.</summary>
    public const double Baseline = 186;

    /// <summary>One chart per series of <paramref name="revenue"/>, in the currencies' order.</summary>
    public static IReadOnlyList<RevenueChart> From(RevenueByMonth revenue) => [.. revenue.Series.Select(s => From(revenue.Months, s))];

    /// <summary>The bars of one series: heights proportional to the month's amount, the highest month reaching the top.</summary>
    public static RevenueChart From(IReadOnlyList<DateOnly> months, RevenueSeries series)
    {
        var max = Math.Max(1, series.AmountsMinor.Max());
        var slot = (Width - Left - 8) / months.Count;
        var bars = months.Select((month, i) =>
        {
            var amount = series.AmountsMinor[i];
            var height = (Baseline - Top) * Math.Max(0, amount) / max;
            return new RevenueChartBar(
                month.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                month.ToString("MMM", CultureInfo.InvariantCulture),
                amount,
                Money.Format(amount, series.Currency),
                Left + (i * slot) + (slot * 0.15),
                Baseline - height,
                slot * 0.7,
                height);
        }).ToList();
        return new RevenueChart(series.Currency, Money.Format(series.TotalMinor, series.Currency), Money.Format(series.AmountsMinor.Max(), series.Currency), bars);
    }

    /// <summary>A coordinate as SVG wants it: invariant culture, one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One month's bar: labels, the amount (minor units and formatted) and its rectangle in SVG user units.</summary>
public sealed record RevenueChartBar(string MonthLabel, string ShortLabel, long AmountMinor, string AmountText, double X, double Y, double Width, double Height);

/// <summary>What the shared admin pager needs: the page shown, how many there are, how many rows in all.</summary>
public sealed record PagerModel(int Page, int PageCount, int TotalCount)
{
    /// <summary>The pager of an admin list page.</summary>
    public static PagerModel Of<T>(PagedList<T> list) => new(list.Page, list.PageCount, list.TotalCount);
}
