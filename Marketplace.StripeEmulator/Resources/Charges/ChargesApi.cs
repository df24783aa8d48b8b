using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Charges;

/// <summary>
/// Charges (https://docs.stripe.com/api/charges): retrieve, list (<c>payment_intent</c>, <c>customer</c>,
/// <c>transfer_group</c>) and update (<c>description</c>, <c>metadata</c>, <c>receipt_email</c>: <c>charge.updated</c> with
/// <c>previous_attributes</c>). Platform charges are <c>ch_…</c>; the destination payment of a transfer is a <c>py_…</c>
/// charge on the connected account (read it with <c>Stripe-Account</c>). <c>POST /v1/charges</c> is not emulated.
/// </summary>
internal static class ChargesApi
{
    public const string ObjectType = "charge";

    public static void Map(IEndpointRouteBuilder r)
    {
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/charges", ObjectType, "payment_intent", "customer", "transfer_group");
        r.MapStripe("POST", "/v1/charges/{id}", Update);
    }

    private static JsonNode Update(ApiContext ctx)
    {
        var p = ctx.Params;
        var description = p.Str("description");
        var metadata = p.Map("metadata", out var clear);
        var receiptEmail = p.Str("receipt_email");
        p.RejectUnknown();
        var charge = ctx.State.Get(ctx.Id, ObjectType, ctx.Account, "charge");
        ctx.Update(charge, "charge.updated", json =>
        {
            if (description is not null) json["description"] = description;
            if (receiptEmail is not null) json["receipt_email"] = receiptEmail;
            Json.MergeMetadata(json, metadata, clear);
        });
        return charge.Snapshot();
    }
}
