using Marketplace.Core.Listings;
using Marketplace.Core.Orders;
using Marketplace.Core.Sales;

namespace Marketplace.UnitTests.Sales;

/// <summary>
/// The one definition of an order's money (<see cref="OrderFigures"/>), checked against what Stripe moves for a
/// 25.00 EUR destination charge with a 2.50 fee and a 0.63 processing fee (the emulator's ledger, its README's example).
/// </summary>
public sealed class OrderFiguresTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static Order PaidOrder()
    {
        var order = new Order(new Listing(7, "Poster A2", null, 2500, "EUR", Now, "Note"), 1000, 250, "browser-key", null, null, Now);
        order.MarkPaid(new OrderPayment("pi_1", "ch_1", "tr_1", "fee_1", 63, null, "buyer@example.com"), Now);
        return order;
    }

    [Fact]
    public void Of_PaidOrder_PlatformKeepsItsFeeLessStripesAndTheCreatorTheRest()
    {
        var f = OrderFigures.Of(PaidOrder());

        (f.GrossMinor, f.RefundedMinor, f.DisputedMinor, f.PlatformFeeMinor, f.StripeFeeMinor, f.PlatformNetMinor, f.CreatorNetMinor)
            .Should().Be((2500L, 0L, 0L, 250L, 63L, 187L, 2250L));
    }

    [Fact]
    public void Of_PartialRefundOf1000_FeeShareGivenBackAndTheCreatorLosesTheRest()
    {
        var order = PaidOrder();
        order.ApplyStripeCharge(new OrderChargeState(1000, 1000, 100, null, null), Now);

        var f = OrderFigures.Of(order);

        (f.RefundedMinor, f.PlatformFeeMinor, f.PlatformNetMinor, f.CreatorNetMinor).Should().Be((1000L, 150L, 150L - 63, 2250L - 1000 + 100));
    }

    [Fact]
    public void Of_LostDisputeWithTheTransferReversed_CreatorGetsNothingAndThePlatformPaysTheDisputeFee()
    {
        var order = PaidOrder();
        order.ApplyStripeCharge(new OrderChargeState(0, 0, 0, null, new OrderDisputeFacts("dp_1", 2500, "fraudulent", "lost", Now.AddDays(7), 2000), "trr_1", 2500), Now);

        var f = OrderFigures.Of(order);

        (f.DisputedMinor, f.ReinstatedMinor, f.StripeFeeMinor, f.PlatformNetMinor, f.CreatorNetMinor).Should().Be((2500L, 0L, 2063L, 250L - 2063, -250L));
    }

    [Fact]
    public void Of_WonDisputePaidBack_CreatorWholeAgainAndThePlatformOnlyLosesTheDisputeFee()
    {
        var order = PaidOrder();
        order.ApplyStripeCharge(new OrderChargeState(0, 0, 0, null, new OrderDisputeFacts("dp_1", 2500, "fraudulent", "won", Now.AddDays(7), 2000), "trr_1", 2500,
            "tr_back"), Now);

        var f = OrderFigures.Of(order);

        (f.DisputedMinor, f.ReinstatedMinor, f.PlatformNetMinor, f.CreatorNetMinor).Should().Be((2500L, 2500L, 250L - 2063, 2250L));
    }

    [Fact]
    public void Sum_TwoOrders_AddsEachFigureOfTheCurrency()
    {
        var total = SalesFigures.Sum("eur", [OrderFigures.Of(PaidOrder()), OrderFigures.Of(PaidOrder())]);

        (total.OrderCount, total.GrossMinor, total.PlatformNetMinor, total.CreatorNetMinor).Should().Be((2, 5000L, 374L, 4500L));
    }
}
