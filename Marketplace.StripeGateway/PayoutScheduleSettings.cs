namespace Marketplace.StripeGateway;

/// <summary>
/// A connected account's <c>settings[payouts][schedule]</c> (https://docs.stripe.com/connect/manage-payout-schedule):
/// <paramref name="Interval"/> <c>manual</c>, <c>daily</c>, <c>weekly</c> or <c>monthly</c>; <paramref name="WeeklyAnchor"/>
/// (<c>monday</c>…<c>sunday</c>) with <c>weekly</c>; <paramref name="MonthlyAnchor"/> (1–31) with <c>monthly</c>;
/// <paramref name="DelayDays"/> days before a charge's funds can be paid out (null: not sent, so a new account gets
/// the country's minimum and an existing one keeps its value; not sent with <c>manual</c> either).
/// </summary>
public sealed record PayoutScheduleSettings(string Interval, string? WeeklyAnchor = null, int? MonthlyAnchor = null, int? DelayDays = null)
{
    /// <summary>Payouts only when asked for (<c>interval=manual</c>): the available balance accumulates on the account.</summary>
    public static readonly PayoutScheduleSettings Manual = new("manual");
}
