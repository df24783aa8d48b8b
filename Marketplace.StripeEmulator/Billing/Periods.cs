namespace Marketplace.StripeEmulator.Billing;

/// <summary>Billing period arithmetic on Unix seconds (UTC), calendar-aware as Stripe's is.</summary>
internal static class Periods
{
    public static long Add(long unixSeconds, string interval, long count)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        var end = interval switch
        {
            "day" => start.AddDays(count),
            "week" => start.AddDays(7 * count),
            "month" => start.AddMonths((int)count),
            "year" => start.AddYears((int)count),
            _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown interval."),
        };
        return end.ToUnixTimeSeconds();
    }

    public static long AddDays(long unixSeconds, long days) => unixSeconds + days * 86_400;
}
