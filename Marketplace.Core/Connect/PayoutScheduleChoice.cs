using Marketplace.StripeGateway;

namespace Marketplace.Core.Connect;

/// <summary>
/// An admin's choice of payout schedule read from a form, checked against what Stripe accepts in
/// <c>settings[payouts][schedule]</c> (https://docs.stripe.com/api/accounts/update#update_account-settings-payouts-schedule):
/// <c>interval</c> <c>daily</c>, <c>weekly</c> or <c>monthly</c> (manual is what a pause is for), <c>weekly_anchor</c>
/// required with weekly, <c>monthly_anchor</c> 1–31 required with monthly, <c>delay_days</c> empty (Stripe's minimum
/// for the account's country) or 0–365 (Stripe refuses a number below the country's minimum).
/// </summary>
public static class PayoutScheduleChoice
{
    /// <summary>The intervals an admin may choose.</summary>
    public static readonly IReadOnlyList<string> Intervals = ["daily", "weekly", "monthly"];

    /// <summary>Stripe's weekday names, Monday first.</summary>
    public static readonly IReadOnlyList<string> Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The schedule the form's fields describe (anchors of other intervals dropped).</summary>
    /// <exception cref="DomainException">An unknown interval or weekday, a monthly anchor outside 1–31, delay days outside 0–365.</exception>
    public static PayoutScheduleSettings Parse(string? interval, string? weeklyAnchor, int? monthlyAnchor, int? delayDays)
    {
        var chosen = interval?.Trim().ToLowerInvariant();
        if (chosen is null || !Intervals.Contains(chosen)) throw new DomainException("Choose daily, weekly or monthly payouts.");
        if (delayDays is < 0 or > 365) throw new DomainException("Delay days must be between 0 and 365, or empty for Stripe's minimum.");
        switch (chosen)
        {
            case "weekly":
                var day = weeklyAnchor?.Trim().ToLowerInvariant();
                if (day is null || !Weekdays.Contains(day)) throw new DomainException("Choose the weekday of weekly payouts.");
                return new(chosen, WeeklyAnchor: day, DelayDays: delayDays);
            case "monthly":
                if (monthlyAnchor is not (>= 1 and <= 31)) throw new DomainException("The day of monthly payouts must be between 1 and 31.");
                return new(chosen, MonthlyAnchor: monthlyAnchor, DelayDays: delayDays);
            default:
                return new(chosen, DelayDays: delayDays);
        }
    }
}
