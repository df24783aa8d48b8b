using Marketplace.Core.Connect;
using Marketplace.Core.Payouts;

namespace Marketplace.UnitTests.Payouts;

/// <summary>What the sales page says about payouts, from Stripe's schedule (https://docs.stripe.com/connect/manage-payout-schedule).</summary>
public sealed class PayoutOutlookTests
{
    // A Wednesday.
    private static readonly DateTime Now = new(2026, 12, 9, 15, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("daily", "monday", 1, "2026-12-10")]
    [InlineData("weekly", "friday", 1, "2026-12-11")]
    [InlineData("weekly", "wednesday", 1, "2026-12-16")]
    [InlineData("monthly", "monday", 15, "2026-12-15")]
    [InlineData("monthly", "monday", 9, "2027-01-09")]
    [InlineData("monthly", "monday", 31, "2026-12-31")]
    public void NextPayoutDay_Schedule_NextDayItPays(string interval, string weekly, int monthly, string expected) =>
        PayoutOutlook.NextPayoutDay(new PayoutOptions { Interval = interval, WeeklyAnchor = weekly, MonthlyAnchor = monthly }, Now)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected);

    [Fact]
    public void NextPayoutDay_MonthlyOn31stInFebruary_TheMonthsLastDay() =>
        PayoutOutlook.NextPayoutDay(new PayoutOptions { Interval = "monthly", MonthlyAnchor = 31 }, new DateTime(2027, 2, 3, 0, 0, 0, DateTimeKind.Utc))
            .Should().Be(new DateTime(2027, 2, 28, 0, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void For_PausedAndHeldAccount_ThePauseWinsWithItsReason()
    {
        var account = new CreatorStripeAccount(1, "acct_1");
        account.HoldPayoutsAsNew(Now.AddDays(-1));
        account.PausePayouts("  Risk review  ");

        var outlook = PayoutOutlook.For(account, new PayoutOptions { NewCreatorHoldDays = 7 }, Now);

        outlook.Kind.Should().Be(PayoutOutlookKind.Paused);
        outlook.PausedReason.Should().Be("Risk review");
    }

    [Fact]
    public void For_HeldAsNew_HoldEndsAfterTheConfiguredDays()
    {
        var account = new CreatorStripeAccount(1, "acct_1");
        account.HoldPayoutsAsNew(Now.AddDays(-1));

        var outlook = PayoutOutlook.For(account, new PayoutOptions { NewCreatorHoldDays = 7, NewCreatorHoldOrders = 3 }, Now);

        outlook.Should().Be(new PayoutOutlook(PayoutOutlookKind.HeldAsNew, HeldUntil: Now.AddDays(6), HoldOrders: 3));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void PausePayouts_NoReason_Refused(string? reason)
    {
        var account = new CreatorStripeAccount(1, "acct_1");

        var pause = () => account.PausePayouts(reason);

        pause.Should().Throw<Marketplace.Core.DomainException>();
        account.PayoutsPausedReason.Should().BeNull();
    }
}
