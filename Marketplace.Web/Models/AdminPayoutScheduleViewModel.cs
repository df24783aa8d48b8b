using Marketplace.Core.Connect;
using Marketplace.StripeGateway;

namespace Marketplace.Web.Models;

/// <summary>
/// The admin's payout schedule page: the platform's <paramref name="Platform"/> schedule, the <paramref name="Rollout"/>
/// of its last change (null: never changed here, the configuration's applies) and one <paramref name="Creator"/>'s.
/// </summary>
public sealed record AdminPayoutScheduleViewModel(PayoutScheduleSettings Platform, PlatformPayoutSchedule? Rollout, AdminPayoutScheduleViewModel.CreatorSchedule? Creator)
{
    /// <summary>
    /// Creator <paramref name="Id"/> (<paramref name="Name"/>), their <paramref name="Own"/> schedule (null: the
    /// platform's), and whether they are <paramref name="HeldAsNew"/> or <paramref name="Paused"/> (manual meanwhile).
    /// </summary>
    public sealed record CreatorSchedule(int Id, string Name, PayoutScheduleSettings? Own, bool HeldAsNew, bool Paused);
}

/// <summary>The schedule form's fields: Stripe's <c>interval</c>, <c>weekly_anchor</c>, <c>monthly_anchor</c>, <c>delay_days</c> (empty: minimum).</summary>
public sealed class PayoutScheduleForm
{
    public string? Interval { get; set; }

    public string? WeeklyAnchor { get; set; }

    public int? MonthlyAnchor { get; set; }

    public int? DelayDays { get; set; }
}
