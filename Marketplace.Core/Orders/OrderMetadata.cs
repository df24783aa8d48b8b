namespace Marketplace.Core.Orders;

/// <summary>
/// The metadata keys an order's Checkout Session and PaymentIntent carry (https://docs.stripe.com/metadata): our ids as
/// invariant-culture integers, so a webhook or a look in the Stripe Dashboard leads back to the order.
/// </summary>
public static class OrderMetadata
{
    public const string OrderId = "order_id";
    public const string ListingId = "listing_id";
    public const string CreatorId = "creator_id";
}
