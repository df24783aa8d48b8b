using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.PaymentIntents;

/// <summary>
/// PaymentIntents (https://docs.stripe.com/api/payment_intents): retrieve and list (<c>customer</c>). They are created by
/// paying a payment-mode Checkout Session (see <see cref="Payments.CheckoutPayment"/>); <c>POST /v1/payment_intents</c> is not emulated.
/// </summary>
internal static class PaymentIntentsApi
{
    public const string ObjectType = "payment_intent";

    public static void Map(IEndpointRouteBuilder r) =>
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/payment_intents", ObjectType, "customer");

    /// <summary>
    /// A new PaymentIntent (https://docs.stripe.com/api/payment_intents/object) in <c>requires_payment_method</c>, amount in minor
    /// units, with the Checkout Session's <c>payment_intent_data</c> (fee, destination, on_behalf_of, metadata, …).
    /// </summary>
    public static JsonObject New(string id, long amount, string currency, PaymentIntentData data, long now) => new()
    {
        ["id"] = id,
        ["object"] = ObjectType,
        ["amount"] = amount,
        ["amount_capturable"] = 0,
        ["amount_details"] = new JsonObject { ["tip"] = new JsonObject() },
        ["amount_received"] = 0,
        ["application"] = null,
        ["application_fee_amount"] = data.ApplicationFeeAmount,
        ["automatic_payment_methods"] = null,
        ["canceled_at"] = null,
        ["cancellation_reason"] = null,
        ["capture_method"] = "automatic_async",
        ["client_secret"] = $"{id}_secret_{Ids.New("", 25)}",
        ["confirmation_method"] = "automatic",
        ["created"] = now,
        ["currency"] = currency,
        ["customer"] = null,
        ["description"] = data.Description,
        ["last_payment_error"] = null,
        ["latest_charge"] = null,
        ["livemode"] = false,
        ["metadata"] = Json.Metadata(data.Metadata),
        ["next_action"] = null,
        ["on_behalf_of"] = data.OnBehalfOf,
        ["payment_method"] = null,
        ["payment_method_types"] = Json.Strings(["card"]),
        ["processing"] = null,
        ["receipt_email"] = data.ReceiptEmail,
        ["review"] = null,
        ["setup_future_usage"] = null,
        ["shipping"] = null,
        ["statement_descriptor"] = data.StatementDescriptor,
        ["statement_descriptor_suffix"] = data.StatementDescriptorSuffix,
        ["status"] = "requires_payment_method",
        ["transfer_data"] = data.Destination is null ? null : new JsonObject { ["destination"] = data.Destination },
        ["transfer_group"] = data.Destination is null ? data.TransferGroup : data.TransferGroup ?? $"group_{id}",
    };
}

/// <summary>
/// A Checkout Session's <c>payment_intent_data[…]</c> (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-payment_intent_data),
/// kept on the session until it is paid. <see cref="ApplicationFeeAmount"/> in minor units.
/// </summary>
internal sealed record PaymentIntentData(
    long? ApplicationFeeAmount, string? Destination, string? OnBehalfOf, Dictionary<string, string>? Metadata,
    string? Description, string? ReceiptEmail, string? StatementDescriptor, string? StatementDescriptorSuffix, string? TransferGroup);
