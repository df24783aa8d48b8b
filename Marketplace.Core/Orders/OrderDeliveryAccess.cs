namespace Marketplace.Core.Orders;

/// <summary>Whether the buyer of an order gets what they bought (the delivery note, the files), and if not, why.</summary>
public enum DeliveryAccess
{
    /// <summary>Paid, partially refunded, or under a dispute not decided yet: the buyer keeps what they paid for.</summary>
    Granted,

    /// <summary>Pending: the payment is not confirmed (yet).</summary>
    AwaitingPayment,

    /// <summary>The Checkout Session expired unpaid: nothing was bought.</summary>
    CheckoutExpired,

    /// <summary>Refunded in full: the content is no longer available.</summary>
    Refunded,

    /// <summary>Refunded in full by the platform because the shop could no longer take payments when the payment went through.</summary>
    RefundedShopClosed,

    /// <summary>The buyer's bank decided the dispute for the buyer: the money went back, the content is no longer available.</summary>
    DisputeLost,
}

public partial class Order
{
    /// <summary>
    /// The one rule of delivery (the order page's note, the deliverable files): a buyer keeps what they paid for while the
    /// order is Paid, PartiallyRefunded (a refund of a part, even 0.01, is a gesture, not a return) or Disputed (open:
    /// nothing is decided; a won dispute puts it back to Paid); a full refund or a lost dispute revokes it. Returns the
    /// reason as a <see cref="Orders.DeliveryAccess"/>; <see cref="Orders.DeliveryAccess.Granted"/> when the buyer has access.
    /// </summary>
    public DeliveryAccess DeliveryAccess() => Status switch
    {
        _ when GrantsDelivery(Status) => Orders.DeliveryAccess.Granted,
        OrderStatus.Pending => Orders.DeliveryAccess.AwaitingPayment,
        OrderStatus.Expired => Orders.DeliveryAccess.CheckoutExpired,
        OrderStatus.Refunded => ShopClosedRefundAt is null ? Orders.DeliveryAccess.Refunded : Orders.DeliveryAccess.RefundedShopClosed,
        OrderStatus.DisputeLost => Orders.DeliveryAccess.DisputeLost,
        _ => Orders.DeliveryAccess.AwaitingPayment,
    };

    /// <summary>True for the statuses in which a buyer keeps what they paid for: Paid, PartiallyRefunded, Disputed (open).</summary>
    public static bool GrantsDelivery(OrderStatus status) =>
        status is OrderStatus.Paid or OrderStatus.PartiallyRefunded or OrderStatus.Disputed;

    /// <summary>True when <see cref="DeliveryAccess()"/> is <see cref="Orders.DeliveryAccess.Granted"/>.</summary>
    public bool HasDeliveryAccess => DeliveryAccess() == Orders.DeliveryAccess.Granted;

    /// <summary>
    /// When the platform refunded this order in full because its Checkout Session completed after the shop stopped taking
    /// payments (suspended, plan lapsed, charges disabled); UTC, null otherwise. The order page says so.
    /// </summary>
    public DateTime? ShopClosedRefundAt { get; private set; }

    /// <summary>Records that the platform refunds this paid order because the shop was closed (<see cref="ShopClosedRefundAt"/>); false when recorded already.</summary>
    public bool MarkShopClosedRefund(DateTime now)
    {
        if (ShopClosedRefundAt is not null) return false;
        ShopClosedRefundAt = now;
        UpdatedAt = now;
        return true;
    }
}
