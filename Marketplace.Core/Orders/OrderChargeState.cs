namespace Marketplace.Core.Orders;

/// <summary>
/// What Stripe holds about an order's charge after the sale, read fresh from Stripe (the charge with its refunds, its
/// transfer with its reversals, its application fee, and its dispute). Amounts are minor units of the order's currency.
/// </summary>
/// <param name="AmountRefundedMinor">The charge's <c>amount_refunded</c> (https://docs.stripe.com/api/charges/object#charge_object-amount_refunded).</param>
/// <param name="TransferReversedForRefundsMinor">The transfer's reversals made by refunds (all but the one made for a dispute).</param>
/// <param name="ApplicationFeeRefundedMinor">The application fee's <c>amount_refunded</c>.</param>
/// <param name="LatestRefundFailureReason">The newest refund's <c>failure_reason</c> when its status is <c>failed</c>; null otherwise.</param>
/// <param name="Dispute">The charge's dispute; null when none.</param>
/// <param name="DisputeTransferReversalId">The transfer reversal whose <c>metadata.dispute_id</c> names the dispute (<c>trr_…</c>); null when none.</param>
/// <param name="DisputeTransferReversedMinor">Its amount; 0 when none.</param>
/// <param name="DisputeRetransferId">The transfer back to the creator after a won dispute (<c>tr_…</c>); null when none.</param>
/// <param name="TransferDestinationId">The creator's Connect account the charge's transfer went to (<c>acct_…</c>).</param>
/// <param name="Refunds">The charge's refunds (its expanded <c>refunds</c> list), newest first; empty when none.</param>
public sealed record OrderChargeState(
    long AmountRefundedMinor,
    long TransferReversedForRefundsMinor,
    long ApplicationFeeRefundedMinor,
    string? LatestRefundFailureReason,
    OrderDisputeFacts? Dispute,
    string? DisputeTransferReversalId = null,
    long DisputeTransferReversedMinor = 0,
    string? DisputeRetransferId = null,
    string? TransferDestinationId = null,
    IReadOnlyList<OrderRefundFacts>? Refunds = null);

/// <summary>
/// A refund of the charge (https://docs.stripe.com/api/refunds/object): <c>re_…</c>, amount in minor units, <c>status</c>
/// (<c>pending</c>, <c>requires_action</c>, <c>succeeded</c>, <c>failed</c> or <c>canceled</c>).
/// </summary>
public sealed record OrderRefundFacts(string RefundId, long AmountMinor, string Status)
{
    /// <summary>
    /// True once the refund <c>succeeded</c>: only then is "refund issued" mailed. A <c>pending</c> one (which the charge's
    /// <c>amount_refunded</c> already counts) may still fail; it is mailed when a later sync (<c>refund.updated</c>,
    /// <c>charge.refunded</c>) sees it succeeded, and never if it fails.
    /// </summary>
    public bool IsIssued => Status is "succeeded";

    /// <summary>True while Stripe is still processing it (<c>pending</c>, <c>requires_action</c>): it may yet succeed or fail.</summary>
    public bool IsPending => Status is "pending" or "requires_action";
}

/// <summary>
/// A dispute's facts (https://docs.stripe.com/api/disputes/object): <c>dp_…</c>, amount in minor units, reason, status,
/// evidence due date (UTC), and Stripe's dispute fee (the <c>fee</c> of its <c>balance_transactions</c>, minor units; 0 when none).
/// </summary>
public sealed record OrderDisputeFacts(string DisputeId, long AmountMinor, string Reason, string Status, DateTime? EvidenceDueBy, long FeeMinor = 0)
{
    /// <summary>The facts of Stripe's <paramref name="dispute"/>; the fee is the sum of its balance transactions' <c>fee</c>.</summary>
    public static OrderDisputeFacts Of(Stripe.Dispute dispute) =>
        new(dispute.Id, dispute.Amount, dispute.Reason, dispute.Status, dispute.EvidenceDetails?.DueBy, dispute.BalanceTransactions?.Sum(t => t.Fee) ?? 0);
}
