using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.ApplicationFees;

/// <summary>
/// Application fees (https://docs.stripe.com/api/application_fees): retrieve and list (<c>charge</c>) on the platform.
/// A destination charge with <c>application_fee_amount</c> creates one: <c>charge</c> is the destination payment
/// (<c>py_…</c>), <c>originating_transaction</c> the platform charge (<c>ch_…</c>), <c>account</c> the connected account.
/// Its refunds (<c>fr_…</c>, from <c>refund_application_fee</c>) are listed at <c>GET …/{id}/refunds</c> and retrieved at
/// <c>GET …/{id}/refunds/{fr_…}</c>.
/// </summary>
internal static class ApplicationFeesApi
{
    public const string ObjectType = "application_fee";

    /// <summary>Stripe's <c>object</c> of an application fee refund (<c>fr_…</c>).</summary>
    public const string RefundObjectType = "fee_refund";

    public static void Map(IEndpointRouteBuilder r)
    {
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/application_fees", ObjectType, "charge");
        ReadOnlyResource.MapChildren(r, "/v1/application_fees", ObjectType, "refunds", RefundObjectType, "fee");
    }

    /// <summary>An application fee object (https://docs.stripe.com/api/application_fees/object); amounts in minor units.</summary>
    public static JsonObject New(string id, long amount, string currency, string account, string application,
        string balanceTransaction, string destinationPayment, string platformCharge, long now) => new()
    {
        ["id"] = id,
        ["object"] = ObjectType,
        ["account"] = account,
        ["amount"] = amount,
        ["amount_refunded"] = 0,
        ["application"] = application,
        ["balance_transaction"] = balanceTransaction,
        ["charge"] = destinationPayment,
        ["created"] = now,
        ["currency"] = currency,
        ["fee_source"] = new JsonObject { ["charge"] = destinationPayment, ["type"] = "charge" },
        ["livemode"] = false,
        ["originating_transaction"] = platformCharge,
        ["refunded"] = false,
        ["refunds"] = Json.List($"/v1/application_fees/{id}/refunds", []),
    };

    /// <summary>An application fee refund (https://docs.stripe.com/api/fee_refunds/object); amount in minor units.</summary>
    public static JsonObject NewRefund(string id, long amount, string currency, string fee, string balanceTransaction, long now) => new()
    {
        ["id"] = id,
        ["object"] = RefundObjectType,
        ["amount"] = amount,
        ["balance_transaction"] = balanceTransaction,
        ["created"] = now,
        ["currency"] = currency,
        ["fee"] = fee,
        ["metadata"] = new JsonObject(),
    };
}
