using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Resources.Customers;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.BillingPortal;

/// <summary>
/// Customer portal sessions (https://docs.stripe.com/api/customer_portal/sessions/create): <c>customer</c> (required),
/// <c>return_url</c>. The <c>url</c> opens the emulator's hosted portal page for that customer's subscriptions.
/// </summary>
internal static class BillingPortalSessionsApi
{
    public const string ObjectType = "billing_portal.session";

    public static void Map(IEndpointRouteBuilder r) => r.MapStripe("POST", "/v1/billing_portal/sessions", Create);

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var customerId = p.RequiredStr("customer");
        var returnUrl = p.Str("return_url");
        var locale = p.Str("locale");
        p.Str("configuration");
        p.Str("on_behalf_of");
        p.RejectUnknown();
        CustomersApi.Find(ctx, customerId, "customer");
        var id = Ids.New("bps_", 24);
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["configuration"] = "bpc_emulator",
            ["created"] = ctx.Now,
            ["customer"] = customerId,
            ["flow"] = null,
            ["livemode"] = false,
            ["locale"] = locale,
            ["on_behalf_of"] = null,
            ["return_url"] = returnUrl,
            ["url"] = $"{ctx.BaseUrl}/p/session/{id}",
        };
        var session = ctx.State.Add(id, ObjectType, ctx.Account, json);
        ctx.Emulator.Store.RegisterHosted(ctx.State, id);
        return session.Snapshot();
    }
}
