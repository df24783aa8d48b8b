using Marketplace.Core.Refunds;

namespace Marketplace.Web.Models;

/// <summary>
/// The refund form of one order: where it posts, what is left to refund (minor units of <paramref name="Currency"/>),
/// the random token that makes a double submit replay the first refund, and how refunding all that is left splits
/// (<see cref="RefundSplit"/>: what the buyer gets back, what the creator's balance loses); null when nothing is left.
/// <paramref name="PlatformKeepsFeeMinor"/>: the platform's fee a refund does not give back (<see cref="RefundOptions.RefundApplicationFee"/>
/// off), minor units; null when refunds give it back.
/// </summary>
public sealed record RefundFormModel(int OrderId, string Action, long RefundableMinor, string Currency, string RequestToken, RefundSplit? WhatIsLeft = null,
    long? PlatformKeepsFeeMinor = null)
{
    /// <summary>
    /// The form of an order of <paramref name="amountMinor"/> with the fee <paramref name="applicationFeeMinor"/>, of which
    /// <paramref name="refundedMinor"/> and <paramref name="feeRefundedMinor"/> were already refunded, under <paramref name="options"/>.
    /// </summary>
    public static RefundFormModel Of(int orderId, string action, long amountMinor, long applicationFeeMinor, long refundedMinor, long feeRefundedMinor,
        string currency, RefundOptions options) =>
        new(orderId, action, amountMinor - refundedMinor, currency, OrderRefunds.NewRequestToken(),
            RefundSplit.OfWhatIsLeft(amountMinor, applicationFeeMinor, refundedMinor, feeRefundedMinor, options.RefundApplicationFee),
            options.RefundApplicationFee ? null : applicationFeeMinor - feeRefundedMinor);
}
