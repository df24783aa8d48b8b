namespace Marketplace.Core.Refunds;

/// <summary>What a refund of an order does with the platform's fee, section <c>Refunds</c>.</summary>
public sealed class RefundOptions
{
    public const string SectionName = "Refunds";

    /// <summary>
    /// Sent as <c>refund_application_fee</c> on every refund (https://docs.stripe.com/api/refunds/create): true gives the
    /// platform's application fee back to the creator in proportion to the refund; false (the default) keeps it, so a
    /// refund the creator chooses to make never costs the platform Stripe's processing fee, which Stripe does not return
    /// (https://docs.stripe.com/connect/marketplace/tasks/refunds-disputes). The transfer is always reversed by the refunded
    /// amount (<c>reverse_transfer=true</c>): with false, a full refund costs the creator the platform's fee.
    /// </summary>
    public bool RefundApplicationFee { get; set; }
}
