using Marketplace.Core.Refunds;

namespace Marketplace.UnitTests.Refunds;

/// <summary>
/// What a refund of a destination charge moves (<see cref="RefundSplit"/>), as Stripe does with <c>reverse_transfer</c> and
/// <c>refund_application_fee</c>: the transfer reversed by the refund, the fee given back in proportion.
/// </summary>
public sealed class RefundSplitTests
{
    [Fact]
    public void Of_TenOfTwentyFiveEurWithATenPercentFee_BuyerGetsTenCreatorLosesNine()
    {
        RefundSplit.Of(1000, 2500, 250).Should().Be(new RefundSplit(1000, 100, 900));
    }

    [Fact]
    public void Of_FeeNotRefunded_CreatorLosesWhatTheBuyerGetsBack()
    {
        RefundSplit.Of(1000, 2500, 250, refundsFee: false).Should().Be(new RefundSplit(1000, 0, 1000));
        RefundSplit.OfWhatIsLeft(2500, 250, 0, 0, refundsFee: false).Should().Be(new RefundSplit(2500, 0, 2500));
    }

    [Fact]
    public void Of_OneCent_FeeShareRoundedHalfAwayFromZero()
    {
        RefundSplit.Of(5, 2500, 250).Should().Be(new RefundSplit(5, 1, 4), "0.5 cent of fee rounds to 1");
        RefundSplit.Of(1, 2500, 250).Should().Be(new RefundSplit(1, 0, 1));
    }

    [Fact]
    public void Of_LastRefund_GivesBackWhatIsLeftOfTheFee()
    {
        RefundSplit.Of(1, 2500, 250, refundedMinor: 2499, feeRefundedMinor: 250).Should().Be(new RefundSplit(1, 0, 1));
        RefundSplit.Of(1500, 2500, 250, refundedMinor: 1000, feeRefundedMinor: 99).Should().Be(new RefundSplit(1500, 151, 1349));
    }

    [Fact]
    public void OfWhatIsLeft_NothingLeft_Null()
    {
        RefundSplit.OfWhatIsLeft(2500, 250, 2500, 250).Should().BeNull();
        RefundSplit.OfWhatIsLeft(2500, 250, 0, 0).Should().Be(new RefundSplit(2500, 250, 2250));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2501)]
    public void Of_NotAboveZeroOrBeyondWhatIsLeft_Throws(long refund)
    {
        var act = () => RefundSplit.Of(refund, 2500, 250);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
