using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;

namespace Marketplace.StripeEmulator.Resources.Payouts;

/// <summary>
/// Payouts (https://docs.stripe.com/api/payouts): retrieve and list (<c>status</c>) with <c>Stripe-Account</c> for a
/// connected account's payouts. Payouts are made by the control API (see <see cref="Payments.PayingOut"/>);
/// <c>POST /v1/payouts</c> is not emulated.
/// </summary>
internal static class PayoutsApi
{
    public const string ObjectType = "payout";

    public static void Map(IEndpointRouteBuilder r) => ReadOnlyResource.MapRetrieveAndList(r, "/v1/payouts", ObjectType, "status");

    /// <summary>A payout object (https://docs.stripe.com/api/payouts/object), <c>pending</c>; amount in minor units, dates in Unix seconds.</summary>
    public static JsonObject New(string id, long amount, string currency, string balanceTransaction, string destination, long now) => new()
    {
        ["id"] = id,
        ["object"] = ObjectType,
        ["amount"] = amount,
        ["application_fee"] = null,
        ["application_fee_amount"] = null,
        ["arrival_date"] = now + 2 * 86_400,
        ["automatic"] = true,
        ["balance_transaction"] = balanceTransaction,
        ["created"] = now,
        ["currency"] = currency,
        ["description"] = "STRIPE PAYOUT",
        ["destination"] = destination,
        ["failure_balance_transaction"] = null,
        ["failure_code"] = null,
        ["failure_message"] = null,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["method"] = "standard",
        ["original_payout"] = null,
        ["payout_method"] = null,
        ["reconciliation_status"] = "not_applicable",
        ["reversed_by"] = null,
        ["source_type"] = "card",
        ["statement_descriptor"] = null,
        ["status"] = "pending",
        ["trace_id"] = null,
        ["type"] = "bank_account",
    };
}
