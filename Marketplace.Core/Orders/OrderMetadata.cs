using Marketplace.StripeGateway;

namespace Marketplace.Core.Orders;

/// <summary>
/// The metadata keys an order's Checkout Session and PaymentIntent carry: the order's names for
/// <see cref="StripeMetadataKeys"/>, where each key is spelled once.
/// </summary>
public static class OrderMetadata
{
    public const string OrderId = StripeMetadataKeys.OrderId;
    public const string ListingId = StripeMetadataKeys.ListingId;
    public const string CreatorId = StripeMetadataKeys.CreatorId;
}
