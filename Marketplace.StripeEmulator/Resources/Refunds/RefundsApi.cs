using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.Charges;
using Marketplace.StripeEmulator.Resources.PaymentIntents;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Refunds;

/// <summary>
/// Refunds (https://docs.stripe.com/api/refunds): create with <c>payment_intent</c> or <c>charge</c>, <c>amount</c> (minor
/// units, default what is left), <c>reason</c>, <c>metadata</c>, <c>reverse_transfer</c>, <c>refund_application_fee</c>;
/// retrieve; list (<c>charge</c>, <c>payment_intent</c>). 400 when the charge did not succeed, is fully refunded
/// (<c>charge_already_refunded</c>), or the amount exceeds what is left (<c>amount_too_large</c>). See <see cref="Refunding"/>.
/// </summary>
internal static class RefundsApi
{
    public const string ObjectType = "refund";

    public static void Map(IEndpointRouteBuilder r)
    {
        Expander.Includables[$"{ChargesApi.ObjectType}:refunds"] = (ctx, charge) =>
        {
            var id = charge["id"]!.GetValue<string>();
            var refunds = ctx.State.OfType(ObjectType, ctx.State.Find(id)?.Account).Where(x => x.Str("charge") == id).Select(x => (JsonNode)x.Snapshot());
            return Json.List($"/v1/charges/{id}/refunds", refunds);
        };
        r.MapStripe("POST", "/v1/refunds", Create);
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/refunds", ObjectType, "charge", "payment_intent");
    }

    /// <summary>A refund object (https://docs.stripe.com/api/refunds/object) of <paramref name="charge"/>; amount in minor units.</summary>
    public static JsonObject New(string id, long amount, Resource charge, string? balanceTransaction, string? reason,
        Dictionary<string, string>? metadata, string status, long now) => new()
    {
        ["id"] = id,
        ["object"] = ObjectType,
        ["amount"] = amount,
        ["balance_transaction"] = balanceTransaction,
        ["charge"] = charge.Id,
        ["created"] = now,
        ["currency"] = charge.Str("currency"),
        ["description"] = null,
        ["destination_details"] = new JsonObject
        {
            ["card"] = new JsonObject { ["reference"] = null, ["reference_status"] = "pending", ["reference_type"] = "acquirer_reference_number", ["type"] = "refund" },
            ["type"] = "card",
        },
        ["failure_balance_transaction"] = null,
        ["failure_reason"] = null,
        ["metadata"] = Json.Metadata(metadata),
        ["payment_intent"] = charge.Str("payment_intent"),
        ["pending_reason"] = null,
        ["reason"] = reason,
        ["receipt_number"] = null,
        ["source_transfer_reversal"] = null,
        ["status"] = status,
        ["transfer_reversal"] = null,
    };

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var chargeId = p.Str("charge");
        var intentId = p.Str("payment_intent");
        var amount = p.Long("amount");
        var reason = p.Enum("reason", "duplicate", "fraudulent", "requested_by_customer");
        var metadata = p.Map("metadata", out _);
        var reverseTransfer = p.Bool("reverse_transfer") ?? false;
        var refundFee = p.Bool("refund_application_fee") ?? false;
        p.Str("instructions_email");
        p.RejectUnknown();
        if (chargeId is null && intentId is null) throw StripeApiException.Missing("charge");
        var charge = chargeId is not null
            ? ctx.State.Find(chargeId) is { ObjectType: ChargesApi.ObjectType } c && c.Account == ctx.Account ? c
                : throw StripeApiException.BadRequest($"No such charge: '{chargeId}'", "charge", "resource_missing")
            : ChargeOf(ctx, intentId!);
        if (intentId is not null && charge.Str("payment_intent") != intentId)
            throw StripeApiException.Invalid("payment_intent", $"The charge {charge.Id} does not belong to PaymentIntent {intentId}.");
        if (charge.Str("status") != "succeeded")
            throw StripeApiException.BadRequest($"Charge {charge.Id} has not succeeded and cannot be refunded.", "charge");
        if (charge.Json["disputed"]?.GetValue<bool>() == true)
            throw StripeApiException.BadRequest($"Charge {charge.Id} has been charged back; it cannot be refunded.", "charge", "charge_disputed");
        var left = charge.Json["amount"]!.AsLong() - charge.Json["amount_refunded"]!.AsLong();
        if (left <= 0)
            throw StripeApiException.BadRequest($"Charge {charge.Id} has already been refunded.", "charge", "charge_already_refunded");
        if (amount is <= 0) throw StripeApiException.Invalid("amount", "This value must be greater than or equal to 1.");
        var currency = charge.Str("currency")!;
        if (amount > left)
            throw StripeApiException.BadRequest(
                $"Refund amount ({Currencies.Format(amount.Value, currency)}) is greater than unrefunded amount on charge ({Currencies.Format(left, currency)})",
                "amount", "amount_too_large");
        if (reverseTransfer && charge.Str("transfer") is null)
            throw StripeApiException.Invalid("reverse_transfer", "reverse_transfer can only be used for charges with a destination (transfer_data[destination]).");
        if (refundFee && charge.Str("application_fee") is null)
            throw StripeApiException.Invalid("refund_application_fee", "refund_application_fee can only be used for charges with an application fee.");
        var refund = Refunding.Refund(ctx, charge, new Refunding.Request(amount ?? left, reason, metadata, reverseTransfer, refundFee));
        return refund.Snapshot();
    }

    private static Resource ChargeOf(ApiContext ctx, string intentId)
    {
        var intent = ctx.State.Find(intentId);
        if (intent is null || intent.ObjectType != PaymentIntentsApi.ObjectType || intent.Account != ctx.Account)
            throw StripeApiException.BadRequest($"No such payment_intent: '{intentId}'", "payment_intent", "resource_missing");
        if (intent.Str("status") != "succeeded" || intent.Str("latest_charge") is not { } chargeId)
            throw StripeApiException.BadRequest($"This PaymentIntent ({intentId}) does not have a successful charge to refund.", "payment_intent");
        return ctx.State.Find(chargeId)!;
    }
}
