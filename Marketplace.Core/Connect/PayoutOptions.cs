using System.ComponentModel.DataAnnotations;
using Marketplace.StripeGateway;

namespace Marketplace.Core.Connect;

/// <summary>
/// The payout schedule the platform sets on creators' accounts, section <c>Payouts</c>
/// (https://docs.stripe.com/connect/manage-payout-schedule), and how long a new creator's payouts are held.
/// </summary>
public sealed class PayoutOptions
{
    public const string SectionName = "Payouts";

    /// <summary><c>daily</c> (default), <c>weekly</c> or <c>monthly</c>.</summary>
    [Required, RegularExpression("^(daily|weekly|monthly)$")]
    public string Interval { get; set; } = "daily";

    /// <summary>The day of a <c>weekly</c> payout, <c>monday</c>…<c>sunday</c>.</summary>
    [Required, RegularExpression("^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")]
    public string WeeklyAnchor { get; set; } = "monday";

    /// <summary>The day of the month of a <c>monthly</c> payout, 1–31 (Stripe uses the month's last day when shorter).</summary>
    [Range(1, 31)]
    public int MonthlyAnchor { get; set; } = 1;

    /// <summary>Days a charge's funds wait before they can be paid out; empty: not sent (Stripe's minimum for a new account's country).</summary>
    [Range(0, 365)]
    public int? DelayDays { get; set; }

    /// <summary>
    /// A new creator's payouts are held (<c>interval=manual</c>) this many days after their account is created, or until
    /// <see cref="NewCreatorHoldOrders"/> paid orders, whichever comes first; 0 and 0: no hold.
    /// </summary>
    [Range(0, 365)]
    public int NewCreatorHoldDays { get; set; }

    /// <summary>Paid orders after which a new creator's hold ends (0: the days alone decide).</summary>
    [Range(0, 100_000)]
    public int NewCreatorHoldOrders { get; set; }

    /// <summary>True when new creators' payouts start held.</summary>
    public bool HoldsNewCreators => NewCreatorHoldDays > 0 || NewCreatorHoldOrders > 0;

    /// <summary>The platform's schedule as Stripe's <c>settings[payouts][schedule]</c>.</summary>
    public PayoutScheduleSettings Schedule => new(Interval, WeeklyAnchor, MonthlyAnchor, DelayDays);
}
