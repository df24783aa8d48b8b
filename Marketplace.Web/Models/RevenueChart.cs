using System.Globalization;
using Marketplace.Core.Admin;
using Marketplace.Core.Plans;
using Marketplace.Core.Amounts;

namespace Marketplace.Web.Models;

/// <summary>
/// The geometry of one currency's grouped bar chart of the last 12 months, drawn as inline SVG by the dashboard (no
/// script, no library): per month, the subscription revenue, the GMV (buyers' paid orders) and the platform's fees side
/// by side on one scale. Each currency has its own chart: amounts in different currencies are never drawn on one axis.
/// </summary>
public sealed record RevenueChart(string Currency, string TotalText, string MaxText, IReadOnlyList<RevenueChartBar> Bars, IReadOnlyList<RevenueChartMonth> Months)
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

    /// <summary>The three series, in drawing order: key, legend, colour.</summary>
    public static IReadOnlyList<(string Key, string Name, string Color)> SeriesKinds { get; } =
        [("subscriptions", "Subscriptions", "#0d6efd"), ("gmv", "GMV", "#198754"), ("fees", "Platform fees", "#fd7e14")];

    /// <summary>One chart per currency found in any of the three, in the currencies' order.</summary>
    public static IReadOnlyList<RevenueChart> From(RevenueByMonth subscriptions, OrderRevenueByMonth orders) =>
        [.. subscriptions.Series.Select(s => s.Currency).Concat(orders.Gmv.Series.Select(s => s.Currency)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(c => From(subscriptions.Months, c, [subscriptions.SeriesOf(c), orders.Gmv.SeriesOf(c), orders.Fees.SeriesOf(c)]))];

    /// <summary>
    /// The bars of one currency: <paramref name="series"/> are subscriptions, GMV and fees (null: none that year), heights
    /// proportional to the amount, the highest bar reaching the top.
    /// </summary>
    public static RevenueChart From(IReadOnlyList<DateOnly> months, string currency, IReadOnlyList<RevenueSeries?> series)
    {
        long Amount(int kind, int month) => series[kind]?.AmountsMinor[month] ?? 0;
        var max = Math.Max(1, Enumerable.Range(0, months.Count).SelectMany(m => Enumerable.Range(0, SeriesKinds.Count).Select(k => Amount(k, m))).Max());
        var slot = (Width - Left - 8) / months.Count;
        var barWidth = slot * 0.8 / SeriesKinds.Count;
        var bars = new List<RevenueChartBar>();
        var rows = new List<RevenueChartMonth>();
        for (var m = 0; m < months.Count; m++)
        {
            var label = Localization.Formats.Month(months[m]);
            for (var k = 0; k < SeriesKinds.Count; k++)
            {
                var amount = Amount(k, m);
                var height = (Baseline - Top) * Math.Max(0, amount) / max;
                bars.Add(new RevenueChartBar(SeriesKinds[k].Key, SeriesKinds[k].Color, label, Localization.Formats.ShortMonth(months[m]), amount,
                    Money.Format(amount, currency), Left + (m * slot) + (slot * 0.1) + (k * barWidth), Baseline - height, barWidth, height));
            }

            rows.Add(new RevenueChartMonth(label, Money.Format(Amount(0, m), currency), Money.Format(Amount(1, m), currency), Money.Format(Amount(2, m), currency)));
        }

        var total = Enumerable.Range(0, months.Count).Sum(m => Amount(0, m) + Amount(2, m));
        return new RevenueChart(currency, Money.Format(total, currency), Money.Format(max == 1 ? 0 : max, currency), bars, rows);
    }

    /// <summary>A coordinate as SVG wants it: invariant culture, one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One bar: its series, labels, the amount (minor units and formatted) and its rectangle in SVG user units.</summary>
public sealed record RevenueChartBar(string Series, string Color, string MonthLabel, string ShortLabel, long AmountMinor, string AmountText,
    double X, double Y, double Width, double Height);

/// <summary>One month's row of the table beside the chart: subscription revenue, GMV and fees, formatted.</summary>
public sealed record RevenueChartMonth(string MonthLabel, string SubscriptionsText, string GmvText, string FeesText);
