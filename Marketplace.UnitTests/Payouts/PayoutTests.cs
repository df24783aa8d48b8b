using Marketplace.Core;
using Marketplace.Core.Payouts;

namespace Marketplace.UnitTests.Payouts;

/// <summary>The payout row applies Stripe's state and never moves back to an earlier status.</summary>
public sealed class PayoutTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ApplyStripePayout_PendingAfterPaid_ChangesNothing()
    {
        var payout = new Payout(1, "acct_1", "po_1", Now);
        payout.ApplyStripePayout(Snapshot(PayoutStatus.Paid), Now).Should().BeTrue();

        payout.ApplyStripePayout(Snapshot(PayoutStatus.Pending), Now.AddSeconds(1)).Should().BeFalse();

        payout.Status.Should().Be(PayoutStatus.Paid);
    }

    [Fact]
    public void ApplyStripePayout_FailedAfterPaid_FailedWithStripesCode()
    {
        var payout = new Payout(1, "acct_1", "po_1", Now);
        payout.ApplyStripePayout(Snapshot(PayoutStatus.Paid), Now);

        payout.ApplyStripePayout(Snapshot(PayoutStatus.Failed) with { FailureCode = "account_closed", FailureMessage = "The bank account has been closed." }, Now)
            .Should().BeTrue("Stripe can fail a payout it first reported paid");

        (payout.Status, payout.FailureCode).Should().Be((PayoutStatus.Failed, "account_closed"));
    }

    [Fact]
    public void ApplyStripePayout_SameStateTwice_SecondChangesNothing()
    {
        var payout = new Payout(1, "acct_1", "po_1", Now);
        payout.ApplyStripePayout(Snapshot(PayoutStatus.InTransit), Now).Should().BeTrue();

        payout.ApplyStripePayout(Snapshot(PayoutStatus.InTransit), Now.AddMinutes(1)).Should().BeFalse();

        payout.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void ApplyStripePayout_AnotherPayoutsState_Throws()
    {
        var payout = new Payout(1, "acct_1", "po_1", Now);

        var act = () => payout.ApplyStripePayout(Snapshot(PayoutStatus.Paid) with { Id = "po_2" }, Now);

        act.Should().Throw<DomainException>();
    }

    private static StripePayoutSnapshot Snapshot(PayoutStatus status) =>
        new("po_1", 12000, "eur", Now.AddDays(2), status, null, null, Now);
}
