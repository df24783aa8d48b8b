using System.Globalization;

namespace Marketplace.Web.Localization;

/// <summary>
/// Dates for people in the page's language (<see cref="CultureInfo.CurrentUICulture"/>): French pages write
/// <c>02/12/2026</c> and <c>02/12/2026 14:05</c> (fr's short date), English ones ISO 8601 <c>2026-12-02</c> and
/// <c>2026-12-02 14:05</c> (en-US and en-GB disagree on the order of day and month; ISO reads the same to both). Every
/// date the app stores is UTC: views say so beside it.
/// </summary>
public static class Formats
{
    private static bool French => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    /// <summary>The day of <paramref name="utc"/>.</summary>
    public static string Day(DateTime utc) => utc.ToString(French ? "dd/MM/yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day and the minute of <paramref name="utc"/> (24-hour clock).</summary>
    public static string Minute(DateTime utc) => utc.ToString(French ? "dd/MM/yyyy HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The day and the second of <paramref name="utc"/> (24-hour clock), for logs-like admin tables.</summary>
    public static string Second(DateTime utc) => utc.ToString(French ? "dd/MM/yyyy HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A month of a chart: <c>Dec 2026</c>, <c>déc. 2026</c>.</summary>
    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.GetCultureInfo(French ? "fr" : "en"));

    /// <summary>A month's short name on a chart's axis: <c>Dec</c>, <c>déc.</c>.</summary>
    public static string ShortMonth(DateOnly month) => month.ToString("MMM", CultureInfo.GetCultureInfo(French ? "fr" : "en"));

    /// <summary>A percentage: <c>12.5 %</c>, <c>12,5 %</c>.</summary>
    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo(French ? "fr" : "en")) + "\u00A0%";
}
