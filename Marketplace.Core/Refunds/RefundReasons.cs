namespace Marketplace.Core.Refunds;

/// <summary>Stripe's refund <c>reason</c> values (https://docs.stripe.com/api/refunds/create#create_refund-reason).</summary>
public static class RefundReasons
{
    public const string RequestedByCustomer = "requested_by_customer";
    public const string Duplicate = "duplicate";
    public const string Fraudulent = "fraudulent";

    /// <summary>Every reason, in the order the refund form lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [RequestedByCustomer, Duplicate, Fraudulent];
}
