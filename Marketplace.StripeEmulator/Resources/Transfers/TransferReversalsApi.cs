using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Transfers;

/// <summary>
/// Transfer reversals (https://docs.stripe.com/api/transfer_reversals): <c>POST /v1/transfers/{id}/reversals</c> with
/// <c>amount</c> (minor units, default what is left) and <c>metadata</c>; retrieve <c>GET …/reversals/{reversal}</c>; list
/// <c>GET …/reversals</c>. Reversing more than what is left answers 400 on <c>amount</c>. See <see cref="Refunding.ReverseTransfer"/>.
/// </summary>
internal static partial class TransfersApi
{
    public const string ReversalObjectType = "transfer_reversal";

    static partial void MapReversals(IEndpointRouteBuilder r)
    {
        r.MapStripe("POST", "/v1/transfers/{id}/reversals", CreateReversal);
        ReadOnlyResource.MapChildren(r, "/v1/transfers", ObjectType, "reversals", ReversalObjectType, "transfer");
    }

    public static Resource Find(OperationContext ctx, string id) => ctx.State.Get(id, ObjectType, ctx.Account, "transfer");

    /// <summary>A transfer reversal (https://docs.stripe.com/api/transfer_reversals/object); amount in minor units.</summary>
    public static JsonObject NewReversal(string id, long amount, string currency, string transfer, string balanceTransaction,
        string destinationPaymentRefund, string? sourceRefund, Dictionary<string, string>? metadata, long now) => new()
    {
        ["id"] = id,
        ["object"] = ReversalObjectType,
        ["amount"] = amount,
        ["balance_transaction"] = balanceTransaction,
        ["created"] = now,
        ["currency"] = currency,
        ["destination_payment_refund"] = destinationPaymentRefund,
        ["metadata"] = Json.Metadata(metadata),
        ["source_refund"] = sourceRefund,
        ["transfer"] = transfer,
    };

    private static JsonNode CreateReversal(ApiContext ctx)
    {
        var p = ctx.Params;
        var amount = p.Long("amount");
        var metadata = p.Map("metadata", out _);
        p.Str("description");
        p.RejectUnknown();
        var transfer = Find(ctx, ctx.Id);
        var left = transfer.Json["amount"]!.AsLong() - transfer.Json["amount_reversed"]!.AsLong();
        if (amount is <= 0) throw StripeApiException.Invalid("amount", "This value must be greater than or equal to 1.");
        if (left <= 0) throw StripeApiException.BadRequest($"Transfer {transfer.Id} has already been fully reversed.", "amount");
        if (amount > left)
            throw StripeApiException.Invalid("amount",
                $"Transfer reversal amount ({Currencies.Format(amount.Value, transfer.Str("currency")!)}) is greater than the amount left on the transfer ({Currencies.Format(left, transfer.Str("currency")!)}).");
        return Refunding.ReverseTransfer(ctx, transfer, amount ?? left, metadata, null).Snapshot();
    }
}
