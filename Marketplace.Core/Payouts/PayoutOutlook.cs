using Marketplace.Core.Connect;
using Marketplace.StripeGateway;

namespace Marketplace.Core.Payouts;

/// <summary>Why a creator's payouts are or are not going out.</summary>
public enum PayoutOutlookKind
{
    /// <summary>No Connect account yet.</summary>
    NoAccount,

    /// <summary>An admin paused them; <see cref="PayoutOutlook.PausedReason"/> says why.</summary>
    Paused,

    /// <summary>Held while the creator is new, until <see cref="PayoutOutlook.HeldUntil"/> or <see cref="PayoutOutlook.HoldOrders"/> paid orders.</summary>
    HeldAsNew,

    /// <summary>On the platform's schedule: the next payout is expected on <see cref="PayoutOutlook.NextPayout"/>.</summary>
    Scheduled,
}

/// <summary>
/// What the creator's sales page says about payouts: <paramref name="Kind"/>; the admin's <paramref name="PausedReason"/>;
/// the new-creator hold's end <paramref name="HeldUntil"/> (UTC, null when only orders end it) and
/// <paramref name="HoldOrders"/> (0: orders do not); otherwise the schedule's <paramref name="Interval"/>
/// (<c>daily</c>, <c>weekly</c>, <c>monthly</c>), the UTC day of the <paramref name="NextPayout"/> and
/// <paramref name="DelayDays"/> (null: Stripe's minimum) after which a sale's money can go out.
/// </summary>
public sealed record PayoutOutlook(PayoutOutlookKind Kind, string? PausedReason = null, DateTime? HeldUntil = null, int HoldOrders = 0,
    string? Interval = null, DateTime? NextPayout = null, int? DelayDays = null)
{
    /// <summary>The outlook of <paramref name="account"/> at <paramref name="now"/> (UTC) with the configuration's schedule.</summary>
    public static PayoutOutlook For(CreatorStripeAccount? account, PayoutOptions options, DateTime now) => For(account, options, options.Schedule, now);

    /// <summary>
    /// The outlook of <paramref name="account"/> at <paramref name="now"/> (UTC): held as <paramref name="options"/> say,
    /// else on the creator's own schedule or <paramref name="platform"/>'s. The next payout day follows Stripe's schedule
    /// (https://docs.stripe.com/connect/manage-payout-schedule): daily, the next day; weekly, the next anchor weekday;
    /// monthly, the next anchor day (the month's last day when shorter).
    /// </summary>
    public static PayoutOutlook For(CreatorStripeAccount? account, PayoutOptions options, PayoutScheduleSettings platform, DateTime now)
    {
        if (account is null) return new(PayoutOutlookKind.NoAccount);
        if (account.PayoutsPausedReason is { } reason) return new(PayoutOutlookKind.Paused, reason);
        if (account.PayoutsHeldSince is { } since)
            return new(PayoutOutlookKind.HeldAsNew, HeldUntil: options.NewCreatorHoldDays > 0 ? since.AddDays(options.NewCreatorHoldDays) : null,
                HoldOrders: options.NewCreatorHoldOrders);
        var schedule = account.OwnPayoutSchedule ?? platform;
        return new(PayoutOutlookKind.Scheduled, Interval: schedule.Interval, NextPayout: NextPayoutDay(schedule, now), DelayDays: schedule.DelayDays);
    }

    /// <summary>The UTC day (midnight) of the next payout after <paramref name="now"/> on the configuration's schedule.</summary>
    public static DateTime NextPayoutDay(PayoutOptions options, DateTime now) => NextPayoutDay(options.Schedule, now);

    /// <summary>The UTC day (midnight) of the next payout of <paramref name="schedule"/> after <paramref name="now"/>.</summary>
    public static DateTime NextPayoutDay(PayoutScheduleSettings schedule, DateTime now)
    {
        var today = now.Date;
        switch (schedule.Interval)
        {
            case "weekly":
                var anchor = Enum.Parse<DayOfWeek>(schedule.WeeklyAnchor ?? "monday", ignoreCase: true);
                var days = ((int)anchor - (int)today.DayOfWeek + 7) % 7;
                return today.AddDays(days == 0 ? 7 : days);
            case "monthly":
                var day = schedule.MonthlyAnchor ?? 1;
                var thisMonth = AnchorIn(today.Year, today.Month, day);
                if (thisMonth > today) return thisMonth;
                var next = today.AddMonths(1);
                return AnchorIn(next.Year, next.Month, day);
            default:
                return today.AddDays(1);
        }
    }

    private static DateTime AnchorIn(int year, int month, int anchor) =>
        new(year, month, Math.Min(anchor, DateTime.DaysInMonth(year, month)), 0, 0, 0, DateTimeKind.Utc);
}
