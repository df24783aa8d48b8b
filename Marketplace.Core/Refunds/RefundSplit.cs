namespace Marketplace.Core.Refunds;

/// <summary>
/// Where the money of one refund of a destination charge goes, as Stripe moves it with <c>reverse_transfer=true</c>
/// (https://docs.stripe.com/connect/marketplace/tasks/refunds-disputes): the buyer gets <see cref="BuyerGetsBackMinor"/>;
/// the creator's transfer (the whole charge) is reversed by that amount; with <c>refund_application_fee=true</c> the
/// platform's fee is refunded to the creator in proportion (rounded half away from zero; what is left of it on the last
/// refund), with false (<see cref="RefundOptions.RefundApplicationFee"/>, the default) the platform keeps it; so the
/// creator's balance loses <see cref="CreatorBalanceLosesMinor"/>. Minor units of the order's currency.
/// </summary>
/// <param name="BuyerGetsBackMinor">The refund's amount.</param>
/// <param name="PlatformFeeReturnedMinor">The share of the application fee the platform gives back.</param>
/// <param name="CreatorBalanceLosesMinor">The transfer reversal minus the fee given back.</param>
public sealed record RefundSplit(long BuyerGetsBackMinor, long PlatformFeeReturnedMinor, long CreatorBalanceLosesMinor)
{
    /// <summary>
    /// The split of refunding <paramref name="refundMinor"/> of a charge of <paramref name="amountMinor"/> whose application
    /// fee is <paramref name="applicationFeeMinor"/>, of which <paramref name="feeRefundedMinor"/> was already given back and
    /// <paramref name="refundedMinor"/> of the charge already refunded; <paramref name="refundsFee"/>: whether the refund
    /// gives the fee back (<c>refund_application_fee</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The refund is not above zero or beyond what is left.</exception>
    public static RefundSplit Of(long refundMinor, long amountMinor, long applicationFeeMinor, long refundedMinor = 0, long feeRefundedMinor = 0, bool refundsFee = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refundMinor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(refundMinor, amountMinor - refundedMinor);
        if (!refundsFee) return new(refundMinor, 0, refundMinor);
        var feeLeft = Math.Max(0, applicationFeeMinor - feeRefundedMinor);
        var fee = refundedMinor + refundMinor >= amountMinor
            ? feeLeft
            : Math.Min(feeLeft, (long)Math.Round((decimal)applicationFeeMinor * refundMinor / amountMinor, MidpointRounding.AwayFromZero));
        return new(refundMinor, fee, refundMinor - fee);
    }

    /// <summary>The split of refunding everything left of an order (its amounts as <see cref="Of"/> takes them); null when nothing is left.</summary>
    public static RefundSplit? OfWhatIsLeft(long amountMinor, long applicationFeeMinor, long refundedMinor, long feeRefundedMinor, bool refundsFee = true) =>
        amountMinor - refundedMinor <= 0 ? null : Of(amountMinor - refundedMinor, amountMinor, applicationFeeMinor, refundedMinor, feeRefundedMinor, refundsFee);
}
