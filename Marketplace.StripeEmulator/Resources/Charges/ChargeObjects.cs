using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Charges;

/// <summary>
/// Builds charge objects (https://docs.stripe.com/api/charges/object): a card charge of a PaymentIntent on the platform
/// (<c>ch_…</c>, succeeded or failed with Stripe's decline codes), and the destination payment (<c>py_…</c>) a transfer
/// creates on the connected account. Amounts in minor units, times in Unix seconds.
/// </summary>
internal static class ChargeObjects
{
    /// <summary>How a card attempt ended: null for success, else Stripe's decline code and the message shown to the buyer.</summary>
    public sealed record Decline(string DeclineCode, string Message, string SellerMessage);

    public static readonly Decline GenericDecline = new("generic_decline", "Your card was declined.",
        "The bank did not return any further details with this decline.");

    public static readonly Decline InsufficientFunds = new("insufficient_funds", "Your card has insufficient funds.",
        "The bank returned the decline code `insufficient_funds`.");

    public static JsonObject CardCharge(string id, JsonObject intent, string card, string? email, Decline? decline,
        string receiptUrl, long now)
    {
        var succeeded = decline is null;
        var amount = intent["amount"]!.AsLong();
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = ChargesApi.ObjectType,
            ["amount"] = amount,
            ["amount_captured"] = succeeded ? amount : 0,
            ["amount_refunded"] = 0,
            ["application"] = null,
            ["application_fee"] = null,
            ["application_fee_amount"] = intent["application_fee_amount"]?.DeepClone(),
            ["balance_transaction"] = null,
            ["billing_details"] = new JsonObject
            {
                ["address"] = new JsonObject
                {
                    ["city"] = null, ["country"] = null, ["line1"] = null, ["line2"] = null, ["postal_code"] = null, ["state"] = null,
                },
                ["email"] = email, ["name"] = null, ["phone"] = null, ["tax_id"] = null,
            },
            ["calculated_statement_descriptor"] = "MARKETPLACE",
            ["captured"] = succeeded,
            ["created"] = now,
            ["currency"] = intent["currency"]!.DeepClone(),
            ["customer"] = intent["customer"]?.DeepClone(),
            ["description"] = intent["description"]?.DeepClone(),
            ["disputed"] = false,
            ["failure_balance_transaction"] = null,
            ["failure_code"] = succeeded ? null : "card_declined",
            ["failure_message"] = decline?.Message,
            ["fraud_details"] = new JsonObject(),
            ["livemode"] = false,
            ["metadata"] = intent["metadata"]!.DeepClone(),
            ["on_behalf_of"] = intent["on_behalf_of"]?.DeepClone(),
            ["outcome"] = new JsonObject
            {
                ["advice_code"] = null,
                ["network_advice_code"] = null,
                ["network_decline_code"] = null,
                ["network_status"] = succeeded ? "approved_by_network" : "declined_by_network",
                ["reason"] = decline?.DeclineCode,
                ["risk_level"] = "normal",
                ["risk_score"] = 32,
                ["seller_message"] = decline?.SellerMessage ?? "Payment complete.",
                ["type"] = succeeded ? "authorized" : "issuer_declined",
            },
            ["paid"] = succeeded,
            ["payment_intent"] = intent["id"]!.DeepClone(),
            ["payment_method"] = intent["payment_method"]?.DeepClone(),
            ["payment_method_details"] = new JsonObject
            {
                ["card"] = Card(card, now),
                ["type"] = "card",
            },
            ["receipt_email"] = intent["receipt_email"]?.DeepClone(),
            ["receipt_number"] = null,
            ["receipt_url"] = receiptUrl,
            ["refunded"] = false,
            ["review"] = null,
            ["shipping"] = null,
            ["source_transfer"] = null,
            ["statement_descriptor"] = intent["statement_descriptor"]?.DeepClone(),
            ["statement_descriptor_suffix"] = intent["statement_descriptor_suffix"]?.DeepClone(),
            ["status"] = succeeded ? "succeeded" : "failed",
            ["transfer_data"] = intent["transfer_data"] is JsonObject t
                ? new JsonObject { ["amount"] = null, ["destination"] = t["destination"]!.DeepClone() }
                : null,
            ["transfer"] = null, // the transfer of a destination charge, set once made; null otherwise (expand[]=transfer gives null)
            ["transfer_group"] = intent["transfer_group"]?.DeepClone(),
        };
    }

    /// <summary>The <c>py_…</c> payment a destination charge's transfer creates on the connected account.</summary>
    public static JsonObject DestinationPayment(string id, long amount, string currency, string application,
        string balanceTransaction, string transfer, long now) => new()
    {
        ["id"] = id,
        ["object"] = ChargesApi.ObjectType,
        ["amount"] = amount,
        ["amount_captured"] = amount,
        ["amount_refunded"] = 0,
        ["application"] = application,
        ["application_fee"] = null,
        ["application_fee_amount"] = null,
        ["balance_transaction"] = balanceTransaction,
        ["captured"] = true,
        ["created"] = now,
        ["currency"] = currency,
        ["description"] = null,
        ["disputed"] = false,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["paid"] = true,
        ["payment_intent"] = null,
        ["payment_method_details"] = new JsonObject { ["stripe_account"] = new JsonObject(), ["type"] = "stripe_account" },
        ["refunded"] = false,
        ["source_transfer"] = transfer,
        ["status"] = "succeeded",
    };

    private static JsonObject Card(string number, long now) => new()
    {
        ["brand"] = number[0] switch { '4' => "visa", '5' or '2' => "mastercard", '3' => "amex", '6' => "discover", _ => "unknown" },
        ["checks"] = new JsonObject { ["address_line1_check"] = null, ["address_postal_code_check"] = null, ["cvc_check"] = "pass" },
        ["country"] = "US",
        ["exp_month"] = 12,
        ["exp_year"] = DateTimeOffset.FromUnixTimeSeconds(now).Year + 3,
        ["fingerprint"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(number)))[..16],
        ["funding"] = "credit",
        ["last4"] = number[^4..],
        ["network"] = number[0] == '4' ? "visa" : "mastercard",
        ["three_d_secure"] = null,
        ["wallet"] = null,
    };
}
