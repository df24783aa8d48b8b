using Marketplace.Core.Memberships;

namespace Marketplace.UnitTests.Memberships;

/// <summary>The rules behind the member figures: a yearly price's share of MRR, and when a membership counts as new or churned.</summary>
public sealed class MembershipNumbersRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 15, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void MonthlyRecurring_MonthlyAndYearly_MonthlyInFullAndYearlyTotalDividedBy12RoundedDown()
    {
        var sums = new[]
        {
            new MembershipNumbers.Sum("eur", MembershipInterval.Month, 2, 1000),
            new MembershipNumbers.Sum("eur", MembershipInterval.Year, 3, 15_001),
        };

        MembershipNumbers.MonthlyRecurring(sums).Should().Be(1000 + 1250, "15,001 / 12 = 1,250.08 is 1,250 minor units");
        MembershipNumbers.MonthlyRecurring([new MembershipNumbers.Sum("eur", MembershipInterval.Year, 1, 11)]).Should().Be(0, "rounded down");
    }

    [Fact]
    public void ApplyStripe_ActiveThenCanceledThenActiveAgain_RunStartsEndsAndRestarts()
    {
        var tier = new MembershipTier(7, "Supporter", null, null, 500, "eur", null, true, Now);
        var membership = new Membership("user-1", tier, Now);

        membership.ApplyStripe("sub_1", "cus_1", "incomplete", null, false, 500, "eur", MembershipInterval.Month, Now);
        var beforePayment = (membership.StartedAt, membership.EndedAt);
        membership.ApplyStripe("sub_1", "cus_1", "active", null, false, 500, "eur", MembershipInterval.Month, Now.AddMinutes(1));
        membership.ApplyStripe("sub_1", "cus_1", "past_due", null, false, 500, "eur", MembershipInterval.Month, Now.AddDays(31));
        var started = membership.StartedAt;
        membership.ApplyStripe("sub_1", "cus_1", "canceled", null, false, 500, "eur", MembershipInterval.Month, Now.AddDays(40));
        membership.ApplyStripe("sub_1", "cus_1", "canceled", null, false, 500, "eur", MembershipInterval.Month, Now.AddDays(41));
        var ended = membership.EndedAt;
        membership.Restart(tier, Now.AddDays(50));
        membership.ApplyStripe("sub_2", "cus_1", "active", null, false, 6000, "eur", MembershipInterval.Year, Now.AddDays(50));

        beforePayment.Should().Be((null, null));
        started.Should().Be(Now.AddMinutes(1), "past_due keeps the run open");
        ended.Should().Be(Now.AddDays(40), "the first end closes the run once");
        (membership.StartedAt, membership.EndedAt, membership.Interval, membership.AmountMinor).Should().Be((Now.AddDays(50), (DateTime?)null, MembershipInterval.Year, 6000L));
    }
}
