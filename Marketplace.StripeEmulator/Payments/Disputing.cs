using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Resources.Disputes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Payments;

/// <summary>
/// Disputes of platform charges (https://docs.stripe.com/disputes/connect): on destination charges the platform is debited
/// the disputed amount plus the dispute fee (<see cref="FeeModel.DisputeFee"/>) as one <c>adjustment</c> balance transaction
/// (<c>fee_details[stripe_fee]</c>); the creator's transfer is left alone (reversing it is the platform's choice). Won: the
/// amount comes back (a second <c>adjustment</c>; the dispute fee is not returned). Events, all platform events:
/// <c>charge.dispute.created</c> then <c>charge.dispute.funds_withdrawn</c>; on closing <c>charge.dispute.closed</c>, then
/// <c>charge.dispute.funds_reinstated</c> when won. Caller holds the key's lock.
/// </summary>
internal static class Disputing
{
    /// <summary>Seven days to respond (<c>evidence_details.due_by</c>); Stripe's window depends on the card network.</summary>
    public const long ResponseWindowSeconds = 7 * 86_400;

    /// <summary>Disputes <paramref name="charge"/> for its full amount as <c>fraudulent</c> (what the 0259 test card does).</summary>
    public static Resource Open(OperationContext ctx, Resource charge)
    {
        ctx.State.EnsureRoom(2);
        var id = Ids.New("dp_");
        var dispute = ctx.State.Add(id, DisputesApi.ObjectType, charge.Account, DisputesApi.New(id, charge, "fraudulent", ctx.Now));
        charge.Json["disputed"] = true;
        ctx.Emit("charge.dispute.created", dispute);
        var amount = dispute.Json["amount"]!.AsLong();
        var currency = dispute.Str("currency")!;
        var txn = Ledger.Record(ctx, charge.Account, "adjustment", "dispute", -amount, currency, id,
            $"Chargeback withdrawal for {charge.Id}", new Ledger.FeeLine("stripe_fee", FeeModel.DisputeFee(currency), "Dispute fee"));
        ctx.Update(dispute, "charge.dispute.funds_withdrawn", json => json["balance_transactions"]!.AsArray().Add(txn.Snapshot()));
        return dispute;
    }

    /// <summary>Closes a dispute as <c>won</c> (funds reinstated) or <c>lost</c>; 400 when it is already closed or the outcome is unknown.</summary>
    public static void Close(OperationContext ctx, Resource dispute, string outcome)
    {
        if (outcome is not ("won" or "lost")) throw StripeApiException.Invalid("outcome", "outcome must be won or lost.");
        if (dispute.Str("status") is "won" or "lost")
            throw StripeApiException.BadRequest($"Dispute {dispute.Id} is already closed ({dispute.Str("status")}).", "outcome");
        ctx.State.EnsureRoom(1);
        ctx.Update(dispute, "charge.dispute.closed", json =>
        {
            json["status"] = outcome;
            json["evidence_details"]!["past_due"] = false;
        });
        if (outcome != "won") return;
        var txn = Ledger.RecordAvailable(ctx, dispute.Account, "adjustment", "dispute_reversal", dispute.Json["amount"]!.AsLong(),
            dispute.Str("currency")!, dispute.Id, $"Chargeback reversal for {dispute.Str("charge")}");
        ctx.Update(dispute, "charge.dispute.funds_reinstated", json => json["balance_transactions"]!.AsArray().Add(txn.Snapshot()));
    }
}
