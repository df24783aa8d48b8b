using Marketplace.StripeEmulator.Api;

namespace Marketplace.StripeEmulator.Resources.Charges;

/// <summary>
/// Charges (https://docs.stripe.com/api/charges): retrieve and list (<c>payment_intent</c>, <c>customer</c>,
/// <c>transfer_group</c>). Platform charges are <c>ch_…</c>; the destination payment of a transfer is a <c>py_…</c>
/// charge on the connected account (read it with <c>Stripe-Account</c>).
/// </summary>
internal static class ChargesApi
{
    public const string ObjectType = "charge";

    public static void Map(IEndpointRouteBuilder r) =>
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/charges", ObjectType, "payment_intent", "customer", "transfer_group");
}
