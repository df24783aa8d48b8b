using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Resources.ApplicationFees;
using Marketplace.StripeEmulator.Resources.Charges;
using Marketplace.StripeEmulator.Resources.Refunds;
using Marketplace.StripeEmulator.Resources.Transfers;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Payments;

/// <summary>
/// Refunds of destination charges (https://docs.stripe.com/connect/marketplace/tasks/refunds-disputes): the refund is
/// taken from the platform's balance (<c>refund</c> balance transaction); <c>reverse_transfer</c> reverses the transfer in
/// proportion (<c>trr_…</c>: <c>transfer_refund</c> credit on the platform, a <c>pyr_…</c> refund of the destination
/// payment and a <c>payment_refund</c> debit on the connected account); <c>refund_application_fee</c> refunds the fee
/// (<c>fr_…</c>: the rest of it on a full refund, in proportion on a partial one; <c>application_fee_refund</c> debit on
/// the platform, credit on the connected account). Proportions round half away from zero. Amounts in minor units.
/// Events, all platform events, in this order: <c>refund.created</c>, <c>charge.refunded</c>, <c>transfer.reversed</c>,
/// <c>application_fee.refunded</c>, then <c>refund.updated</c> and <c>charge.refund.updated</c> (the card network's
/// reference becomes available). A refund planned to fail (control API) is created <c>pending</c>, then fails:
/// <c>refund.created</c>, <c>charge.refunded</c>, <c>refund.failed</c>, <c>refund.updated</c>, <c>charge.refund.updated</c>;
/// its amount comes back to the platform (<c>refund_failure</c> balance transaction) and to the charge's refundable amount,
/// and nothing is reversed. A refund held by the control API stays <c>pending</c> after <c>refund.created</c> and
/// <c>charge.refunded</c> until <see cref="Settle"/> makes it succeed or fail. A refund the platform's available balance
/// (plus what its transfer reversal brings back) does not cover is created <c>pending</c> with <c>pending_reason</c>
/// <c>insufficient_funds</c> and no balance transaction, and paid by <see cref="PayAwaitingFunds"/> once funds become
/// available (https://docs.stripe.com/refunds). Caller holds the key's lock.
/// </summary>
internal static class Refunding
{
    public sealed record Request(long Amount, string? Reason, Dictionary<string, string>? Metadata, bool ReverseTransfer, bool RefundApplicationFee);

    public static Resource Refund(OperationContext ctx, Resource charge, Request request)
    {
        ctx.State.EnsureRoom(12);
        var currency = charge.Str("currency")!;
        var chargeAmount = charge.Json["amount"]!.AsLong();
        var id = Ids.New("re_");
        var failure = ctx.State.NextRefundFailure;
        ctx.State.NextRefundFailure = null;
        var hold = ctx.State.HoldNextRefund;
        ctx.State.HoldNextRefund = false;
        var awaitingFunds = failure is null && !hold && IsShort(ctx, charge, request.Amount, request.ReverseTransfer);
        var txn = awaitingFunds ? null : Ledger.Record(ctx, charge.Account, "refund", "refund", -request.Amount, currency, id, $"REFUND FOR CHARGE ({charge.Id})");
        var refund = ctx.State.Add(id, RefundsApi.ObjectType, charge.Account,
            RefundsApi.New(id, request.Amount, charge, txn?.Id, request.Reason, request.Metadata, failure is null && !hold && !awaitingFunds ? "succeeded" : "pending", ctx.Now));
        if (awaitingFunds) refund.Json["pending_reason"] = "insufficient_funds";
        var chargeBefore = charge.Snapshot();
        SetRefunded(charge, request.Amount);
        ctx.Emit("refund.created", refund);
        ctx.Emit("charge.refunded", charge, JsonDiff.PreviousAttributes(chargeBefore, charge.Json));

        if (failure is not null)
        {
            Fail(ctx, refund, charge, failure);
            return refund;
        }
        if (hold || awaitingFunds)
        {
            refund.Internal[ReverseTransferWhenSettled] = request.ReverseTransfer ? "true" : "false";
            refund.Internal[RefundFeeWhenSettled] = request.RefundApplicationFee ? "true" : "false";
            if (awaitingFunds) refund.Internal[AwaitingFunds] = "true";
            return refund;
        }

        Succeed(ctx, refund, charge, request.ReverseTransfer, request.RefundApplicationFee);
        return refund;
    }

    /// <summary>
    /// Ends a refund held <c>pending</c> (control API): with <paramref name="failureReason"/> it fails as a failing refund
    /// does (<c>refund.failed</c>, <c>refund.updated</c>, <c>charge.refund.updated</c>, the money back); without, it succeeds:
    /// the transfer and fee are reversed as asked at creation, then <c>refund.updated</c> (<c>status</c> <c>succeeded</c>,
    /// <c>previous_attributes.status</c> <c>pending</c>) and <c>charge.refund.updated</c>. 400 when the refund is not pending.
    /// </summary>
    public static void Settle(OperationContext ctx, Resource refund, string? failureReason)
    {
        if (refund.Str("status") != "pending" || !refund.Internal.ContainsKey(ReverseTransferWhenSettled))
            throw StripeApiException.BadRequest($"Refund {refund.Id} is not held pending.", null, "refund_not_pending");
        var charge = ctx.State.Find(refund.Str("charge")!)!;
        if (failureReason is not null) Fail(ctx, refund, charge, failureReason);
        else Succeed(ctx, refund, charge, refund.Internal[ReverseTransferWhenSettled] == "true", refund.Internal[RefundFeeWhenSettled] == "true");
        refund.Internal.Remove(ReverseTransferWhenSettled);
        refund.Internal.Remove(AwaitingFunds);
    }

    /// <summary>
    /// Pays the refunds held <c>pending</c> (<c>pending_reason: insufficient_funds</c>) for want of available balance, oldest
    /// first, as far as the available balance (plus what each one's transfer reversal brings back) now covers them: each gets
    /// its <c>refund</c> balance transaction and succeeds as at creation. Called when pending funds become available.
    /// </summary>
    public static void PayAwaitingFunds(OperationContext ctx)
    {
        var waiting = ctx.State.AllOfType(RefundsApi.ObjectType).Where(r => r.Internal.ContainsKey(AwaitingFunds) && r.Str("status") == "pending")
            .OrderBy(r => r.Json["created"]!.AsLong()).ToList();
        foreach (var refund in waiting)
        {
            var charge = ctx.State.Find(refund.Str("charge")!)!;
            var reverse = refund.Internal[ReverseTransferWhenSettled] == "true";
            if (IsShort(ctx, charge, refund.Json["amount"]!.AsLong(), reverse)) continue;
            Succeed(ctx, refund, charge, reverse, refund.Internal[RefundFeeWhenSettled] == "true");
            refund.Internal.Remove(AwaitingFunds);
            refund.Internal.Remove(ReverseTransferWhenSettled);
        }
    }

    /// <summary>
    /// Stripe takes a refund from the available balance, not pending funds (https://docs.stripe.com/refunds): true when the
    /// available balance of the charge's account plus what the refund's transfer reversal brings back (with
    /// <paramref name="reverseTransfer"/>) does not cover <paramref name="amount"/>.
    /// </summary>
    private static bool IsShort(OperationContext ctx, Resource charge, long amount, bool reverseTransfer)
    {
        var back = reverseTransfer && charge.Str("transfer") is { } transferId && ctx.State.Find(transferId) is { } transfer
            ? ReversalOf(transfer, amount, charge.Json["amount"]!.AsLong())
            : 0;
        return Ledger.Available(ctx.State, charge.Account, charge.Str("currency")!) + back < amount;
    }

    private static long ReversalOf(Resource transfer, long amount, long chargeAmount) =>
        Math.Max(0, Math.Min(Proportion(transfer.Json["amount"]!.AsLong(), amount, chargeAmount),
            transfer.Json["amount"]!.AsLong() - transfer.Json["amount_reversed"]!.AsLong()));

    private const string AwaitingFunds = "awaiting_funds";
    private const string ReverseTransferWhenSettled = "reverse_transfer";
    private const string RefundFeeWhenSettled = "refund_application_fee";

    /// <summary>The money of <paramref name="refund"/> leaves for good: transfer reversal, fee refund, then <c>refund.updated</c> and <c>charge.refund.updated</c>.</summary>
    private static void Succeed(OperationContext ctx, Resource refund, Resource charge, bool reverseTransfer, bool refundApplicationFee)
    {
        var amount = refund.Json["amount"]!.AsLong();
        var chargeAmount = charge.Json["amount"]!.AsLong();
        if (refund.Json["balance_transaction"] is null) // held for want of funds: the platform pays it now
            refund.Json["balance_transaction"] = Ledger.Record(ctx, charge.Account, "refund", "refund", -amount, charge.Str("currency")!, refund.Id,
                $"REFUND FOR CHARGE ({charge.Id})").Id;
        var fullyRefunded = charge.Json["refunded"]!.GetValue<bool>();
        if (reverseTransfer && charge.Str("transfer") is { } transferId)
        {
            var transfer = ctx.State.Find(transferId)!;
            var reversal = ReversalOf(transfer, amount, chargeAmount);
            if (reversal > 0)
            {
                var trr = ReverseTransfer(ctx, transfer, reversal, null, refund.Id);
                refund.Json["transfer_reversal"] = trr.Id;
            }
        }
        if (refundApplicationFee && charge.Str("application_fee") is { } feeId)
        {
            var fee = ctx.State.Find(feeId)!;
            var left = fee.Json["amount"]!.AsLong() - fee.Json["amount_refunded"]!.AsLong();
            var feeAmount = fullyRefunded ? left : Math.Min(left, Proportion(fee.Json["amount"]!.AsLong(), amount, chargeAmount));
            if (feeAmount > 0) RefundApplicationFee(ctx, fee, feeAmount);
        }
        ctx.Update(refund, "refund.updated", json =>
        {
            json["status"] = "succeeded";
            json["pending_reason"] = null;
            json["destination_details"]!["card"]!["reference"] = Ids.New("", 23).ToUpperInvariant();
            json["destination_details"]!["card"]!["reference_status"] = "available";
        });
        ctx.Emit("charge.refund.updated", refund);
    }

    /// <summary>
    /// Reverses <paramref name="amount"/> of <paramref name="transfer"/>: a <c>trr_…</c> with a <c>transfer_refund</c> credit on the
    /// platform, the destination payment refunded by a <c>pyr_…</c> (<c>payment_refund</c> debit on the connected account);
    /// the transfer's <c>amount_reversed</c>/<c>reversed</c>/<c>reversals</c> change (<c>transfer.reversed</c>).
    /// </summary>
    public static Resource ReverseTransfer(OperationContext ctx, Resource transfer, long amount, Dictionary<string, string>? metadata, string? sourceRefund)
    {
        ctx.State.EnsureRoom(4);
        var currency = transfer.Str("currency")!;
        var destination = transfer.Str("destination")!;
        var id = Ids.New("trr_");
        var platformTxn = Ledger.RecordAvailable(ctx, null, "transfer_refund", "transfer_reversal", amount, currency, id, null);
        var payment = ctx.State.Find(transfer.Str("destination_payment")!)!;
        var paymentRefundId = Ids.New("pyr_");
        var accountTxn = Ledger.Record(ctx, destination, "payment_refund", "refund", -amount, currency, paymentRefundId, null);
        ctx.State.Add(paymentRefundId, RefundsApi.ObjectType, destination,
            RefundsApi.New(paymentRefundId, amount, payment, accountTxn.Id, null, null, "succeeded", ctx.Now));
        SetRefunded(payment, amount);
        var reversal = ctx.State.Add(id, TransfersApi.ReversalObjectType, null,
            TransfersApi.NewReversal(id, amount, currency, transfer.Id, platformTxn.Id, paymentRefundId, sourceRefund, metadata, ctx.Now));
        ctx.Update(transfer, "transfer.reversed", json => AddPart(json, "amount_reversed", "reversed", "reversals", reversal));
        return reversal;
    }

    private static void RefundApplicationFee(OperationContext ctx, Resource fee, long amount)
    {
        var currency = fee.Str("currency")!;
        var id = Ids.New("fr_");
        var platformTxn = Ledger.Record(ctx, null, "application_fee_refund", "platform_earning_refund", -amount, currency, id, null);
        if (fee.Str("balance_transaction") is { } feeTxnId && ctx.State.Find(feeTxnId) is { } feeTxn && feeTxn.Str("status") == "pending")
        {
            // Given back out of the fee's own pending credit: available when that credit is.
            platformTxn.Json["available_on"] = feeTxn.Json["available_on"]!.AsLong();
            platformTxn.Json["status"] = "pending";
        }
        Ledger.RecordAvailable(ctx, fee.Str("account"), "application_fee_refund", "platform_earning_refund", amount, currency, id, null);
        var feeRefund = ctx.State.Add(id, ApplicationFeesApi.RefundObjectType, null,
            ApplicationFeesApi.NewRefund(id, amount, currency, fee.Id, platformTxn.Id, ctx.Now));
        ctx.Update(fee, "application_fee.refunded", json => AddPart(json, "amount_refunded", "refunded", "refunds", feeRefund));
    }

    private static void Fail(OperationContext ctx, Resource refund, Resource charge, string reason)
    {
        var amount = refund.Json["amount"]!.AsLong();
        var txn = refund.Json["balance_transaction"] is null // never paid (held for want of funds): nothing to give back
            ? null
            : Ledger.RecordAvailable(ctx, charge.Account, "refund_failure", "refund_failure", amount, charge.Str("currency")!, refund.Id,
                $"REFUND FAILURE FOR CHARGE ({charge.Id})");
        SetRefunded(charge, -amount);
        var before = refund.Snapshot();
        refund.Json["status"] = "failed";
        refund.Json["failure_reason"] = reason;
        refund.Json["failure_balance_transaction"] = txn?.Id;
        refund.Json["pending_reason"] = null;
        var previous = JsonDiff.PreviousAttributes(before, refund.Json);
        ctx.Emit("refund.failed", refund, previous);
        ctx.Emit("refund.updated", refund, previous);
        ctx.Emit("charge.refund.updated", refund, previous);
    }

    /// <summary>
    /// Adds a reversal or a fee refund to its parent: <paramref name="total"/> grows by its amount, <paramref name="flag"/> is set
    /// once the whole amount is covered, and it goes first in the embedded <paramref name="list"/>.
    /// </summary>
    private static void AddPart(JsonObject parent, string total, string flag, string list, Resource part)
    {
        parent[total] = parent[total]!.AsLong() + part.Json["amount"]!.AsLong();
        parent[flag] = parent[total]!.AsLong() >= parent["amount"]!.AsLong();
        var embedded = parent[list]!.AsObject();
        embedded["data"]!.AsArray().Insert(0, part.Snapshot());
        embedded["total_count"] = embedded["data"]!.AsArray().Count;
    }

    /// <summary>Adds <paramref name="amount"/> (negative to give it back) to a charge's <c>amount_refunded</c>; <c>refunded</c> once all of it is.</summary>
    private static void SetRefunded(Resource charge, long amount)
    {
        var refunded = charge.Json["amount_refunded"]!.AsLong() + amount;
        charge.Json["amount_refunded"] = refunded;
        charge.Json["refunded"] = refunded >= charge.Json["amount"]!.AsLong();
    }

    private static long Proportion(long whole, long part, long of) =>
        (long)Math.Round((decimal)whole * part / of, MidpointRounding.AwayFromZero);
}
