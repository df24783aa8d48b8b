using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Transfers;

/// <summary>
/// Transfers (https://docs.stripe.com/api/transfers): retrieve and list (<c>destination</c>, <c>transfer_group</c>) on the
/// platform. A destination charge creates one for the full charge amount (https://docs.stripe.com/connect/destination-charges);
/// its <c>destination_payment</c> is the <c>py_…</c> charge on the connected account. <c>POST /v1/transfers</c>: see TransferCreateApi.cs.
/// </summary>
internal static partial class TransfersApi
{
    public const string ObjectType = "transfer";

    public static void Map(IEndpointRouteBuilder r)
    {
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/transfers", ObjectType, "destination", "transfer_group");
        MapCreate(r);
        MapReversals(r);
    }

    static partial void MapCreate(IEndpointRouteBuilder r);

    static partial void MapReversals(IEndpointRouteBuilder r);

    /// <summary>A transfer object (https://docs.stripe.com/api/transfers/object); amounts in minor units.</summary>
    public static JsonObject New(string id, long amount, string currency, string destination, string destinationPayment,
        string balanceTransaction, string? sourceTransaction, string? transferGroup, long now) => new()
    {
        ["id"] = id,
        ["object"] = ObjectType,
        ["amount"] = amount,
        ["amount_reversed"] = 0,
        ["balance_transaction"] = balanceTransaction,
        ["created"] = now,
        ["currency"] = currency,
        ["description"] = null,
        ["destination"] = destination,
        ["destination_payment"] = destinationPayment,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["reversals"] = Json.List($"/v1/transfers/{id}/reversals", []),
        ["reversed"] = false,
        ["source_transaction"] = sourceTransaction,
        ["source_type"] = "card",
        ["transfer_group"] = transferGroup,
    };
}
