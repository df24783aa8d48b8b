using Marketplace.Core.Listings;
using Marketplace.Core.Orders;

namespace Marketplace.UnitTests.Orders;

/// <summary>The one delivery rule (<see cref="Order.DeliveryAccess"/>): a buyer keeps what they paid for unless the money went back in full.</summary>
public sealed class OrderDeliveryAccessTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static Order PaidOrder()
    {
        var order = new Order(new Listing(7, "Poster A2", null, 2500, "EUR", Now, "Note"), 1000, 250, "browser-key", null, null, Now);
        order.MarkPaid(new OrderPayment("pi_1", "ch_1", "tr_1", "fee_1", 63, null, "buyer@example.com"), Now);
        return order;
    }

    private static OrderChargeState Refunded(long minor, string? disputeStatus = null) =>
        new(minor, minor, 0, null, disputeStatus is null ? null : new OrderDisputeFacts("dp_1", 2500, "fraudulent", disputeStatus, Now.AddDays(7)));

    [Fact]
    public void DeliveryAccess_PendingOrder_AwaitingPayment()
    {
        var order = new Order(new Listing(7, "Poster A2", null, 2500, "EUR", Now, "Note"), 1000, 250, "browser-key", null, null, Now);

        (order.DeliveryAccess(), order.HasDeliveryAccess).Should().Be((DeliveryAccess.AwaitingPayment, false));
    }

    [Fact]
    public void DeliveryAccess_OneCentRefunded_StillGranted()
    {
        var order = PaidOrder();
        order.ApplyStripeCharge(Refunded(1), Now);

        order.Status.Should().Be(OrderStatus.PartiallyRefunded);
        (order.DeliveryAccess(), order.HasDeliveryAccess).Should().Be((DeliveryAccess.Granted, true));
    }

    [Fact]
    public void DeliveryAccess_RefundedInFull_RevokedAsRefunded()
    {
        var order = PaidOrder();
        order.ApplyStripeCharge(Refunded(2500), Now);

        (order.DeliveryAccess(), order.HasDeliveryAccess).Should().Be((DeliveryAccess.Refunded, false));
    }

    [Fact]
    public void DeliveryAccess_RefundedInFullBecauseTheShopClosed_RevokedWithThatReason()
    {
        var order = PaidOrder();
        order.MarkShopClosedRefund(Now).Should().BeTrue();
        order.MarkShopClosedRefund(Now).Should().BeFalse();
        order.ApplyStripeCharge(Refunded(2500), Now);

        order.DeliveryAccess().Should().Be(DeliveryAccess.RefundedShopClosed);
    }

    [Theory]
    [InlineData("needs_response", DeliveryAccess.Granted)]
    [InlineData("won", DeliveryAccess.Granted)]
    [InlineData("lost", DeliveryAccess.DisputeLost)]
    public void DeliveryAccess_Dispute_GrantedUntilLost(string disputeStatus, DeliveryAccess expected)
    {
        var order = PaidOrder();
        order.ApplyStripeCharge(Refunded(0, disputeStatus), Now);

        order.DeliveryAccess().Should().Be(expected);
    }

    [Fact]
    public void DeliveryAccess_Expired_CheckoutExpired()
    {
        var order = new Order(new Listing(7, "Poster A2", null, 2500, "EUR", Now, "Note"), 1000, 250, "browser-key", null, null, Now);
        order.MarkExpired(Now);

        order.HasDeliveryAccess.Should().BeFalse();
        order.DeliveryAccess().Should().Be(DeliveryAccess.CheckoutExpired);
    }
}
