using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.Accounts;
using Marketplace.StripeEmulator.Resources.Charges;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Transfers;

/// <summary>
/// <c>POST /v1/transfers</c> (https://docs.stripe.com/api/transfers/create) from the platform: <c>amount</c> (minor units),
/// <c>currency</c>, <c>destination</c> (a connected account with the <c>transfers</c> capability active), <c>metadata</c>,
/// <c>description</c>, <c>transfer_group</c>, <c>source_transaction</c> (stored only). The platform's available balance in
/// that currency must cover it (else 400 <c>balance_insufficient</c>); a <c>transfer</c> debit on the platform, a
/// <c>py_…</c> payment credited (available at once) on the account, and a <c>transfer.created</c> platform event.
/// </summary>
internal static partial class TransfersApi
{
    static partial void MapCreate(IEndpointRouteBuilder r) => r.MapStripe("POST", "/v1/transfers", Create);

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var amount = p.Long("amount") ?? throw StripeApiException.Missing("amount");
        var currency = p.Str("currency")?.ToLowerInvariant() ?? throw StripeApiException.Missing("currency");
        var destination = p.Str("destination") ?? throw StripeApiException.Missing("destination");
        var metadata = p.Map("metadata", out _);
        var description = p.Str("description");
        var transferGroup = p.Str("transfer_group");
        var sourceTransaction = p.Str("source_transaction");
        p.RejectUnknown();
        if (ctx.Account is not null) throw StripeApiException.BadRequest("Transfers are made from the platform: leave out the Stripe-Account header.");
        if (amount <= 0) throw StripeApiException.Invalid("amount", "This value must be greater than or equal to 1.");
        var account = ctx.State.Find(destination);
        if (account is null || account.ObjectType != AccountStates.ObjectType || account.Internal.ContainsKey("deauthorized"))
            throw StripeApiException.BadRequest($"No such destination: '{destination}'", "destination", "resource_missing");
        if (account.Json["capabilities"]?["transfers"]?.GetValue<string>() != "active")
            throw StripeApiException.BadRequest(
                "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
                "destination", "insufficient_capabilities_for_transfer");
        if (Ledger.Available(ctx.State, null, currency) < amount)
            throw StripeApiException.BadRequest(
                "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card.",
                null, "balance_insufficient");

        ctx.State.EnsureRoom(4);
        var id = Ids.New("tr_");
        var paymentId = Ids.New("py_");
        var platformTxn = Ledger.Record(ctx, null, "transfer", "transfer", -amount, currency, id, description);
        var payment = ctx.State.Add(paymentId, ChargesApi.ObjectType, destination,
            ChargeObjects.DestinationPayment(paymentId, amount, currency, CheckoutPayment.ApplicationId(ctx.State), "", id, ctx.Now));
        var json = New(id, amount, currency, destination, paymentId, platformTxn.Id, sourceTransaction, transferGroup, ctx.Now);
        json["description"] = description;
        json["metadata"] = Json.Metadata(metadata);
        var transfer = ctx.State.Add(id, ObjectType, null, json);
        payment.Json["balance_transaction"] = Ledger.RecordAvailable(ctx, destination, "payment", "charge", amount, currency, paymentId, null).Id;
        ctx.Emit("transfer.created", transfer);
        return transfer.Snapshot();
    }
}
