namespace Marketplace.Core.Memberships;

/// <summary>
/// How often a membership is billed: Stripe's <c>recurring.interval</c> of its Price
/// (https://docs.stripe.com/api/prices/object#price_object-recurring-interval), <c>month</c> or <c>year</c>.
/// </summary>
public enum MembershipInterval
{
    /// <summary><c>month</c>.</summary>
    Month,

    /// <summary><c>year</c>.</summary>
    Year,
}

/// <summary>Reads and writes <see cref="MembershipInterval"/> as Stripe spells it.</summary>
public static class MembershipIntervals
{
    /// <summary><c>year</c> is <see cref="MembershipInterval.Year"/>; anything else (<c>month</c>, missing) is <see cref="MembershipInterval.Month"/>.</summary>
    public static MembershipInterval FromStripe(string? interval) =>
        interval == "year" ? MembershipInterval.Year : MembershipInterval.Month;

    /// <summary><c>month</c> or <c>year</c>.</summary>
    public static string ToStripe(this MembershipInterval interval) => interval == MembershipInterval.Year ? "year" : "month";
}
