using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Resources.Customers;
using Marketplace.StripeEmulator.Resources.Prices;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Checkout;

/// <summary>
/// Checkout Sessions (https://docs.stripe.com/api/checkout/sessions): create in <c>subscription</c> or
/// <c>payment</c> mode, retrieve (with <c>expand[]</c> of <c>line_items</c>, <c>customer</c>, <c>subscription</c>, …),
/// list, list line items, expire. The session's <c>url</c> is the emulator's hosted Checkout page; sessions
/// expire 24 hours after creation unless <c>expires_at</c> says otherwise.
/// </summary>
internal static partial class CheckoutSessionsApi
{
    public const string ObjectType = "checkout.session";

    public static void Map(IEndpointRouteBuilder r)
    {
        Expander.Includables[$"{ObjectType}:line_items"] = (ctx, session) => LineItems(ctx, ctx.State.Find(session["id"]!.GetValue<string>())!);
        r.MapStripe("POST", "/v1/checkout/sessions", Create);
        r.MapStripe("GET", "/v1/checkout/sessions", List);
        r.MapStripe("GET", "/v1/checkout/sessions/{id}", ctx =>
        {
            ctx.Params.RejectUnknown();
            var session = Find(ctx, ctx.Id);
            if (session.Str("status") == "open" && session.Json["expires_at"]!.AsLong() <= PaymentModeRules.ExpiryNow(ctx)) ExpireSession(ctx, session);
            return session.Snapshot();
        });
        r.MapStripe("GET", "/v1/checkout/sessions/{id}/line_items", ctx =>
        {
            var session = Find(ctx, ctx.Id);
            var all = LineItems(ctx, session)["data"]!.AsArray().Select(x => (x!["id"]!.GetValue<string>(), x.DeepClone())).ToList();
            var page = Lists.Page(ctx, all, $"/v1/checkout/sessions/{session.Id}/line_items");
            ctx.Params.RejectUnknown();
            return page;
        });
        r.MapStripe("POST", "/v1/checkout/sessions/{id}/expire", Expire);
    }

    public static Resource Find(OperationContext ctx, string id) => ctx.State.Get(id, ObjectType, ctx.Account, "checkout.session");

    /// <summary>The session's line items as a list of <c>item</c> objects (amounts in minor units).</summary>
    public static JsonObject LineItems(OperationContext ctx, Resource session)
    {
        var items = JsonSerializer.Deserialize<List<StoredLine>>(session.Internal["line_items"])!;
        var data = items.Select(line =>
        {
            var price = ctx.State.Find(line.Price)!;
            var product = ctx.State.Find(price.Str("product")!);
            var amount = PricesApi.UnitAmount(price) * line.Quantity;
            return (JsonNode)new JsonObject
            {
                ["id"] = line.Id,
                ["object"] = "item",
                ["amount_discount"] = 0,
                ["amount_subtotal"] = amount,
                ["amount_tax"] = 0,
                ["amount_total"] = amount,
                ["currency"] = price.Str("currency"),
                ["description"] = product?.Str("name"),
                ["metadata"] = new JsonObject(),
                ["price"] = price.Snapshot(),
                ["quantity"] = line.Quantity,
            };
        });
        return Json.List($"/v1/checkout/sessions/{session.Id}/line_items", data);
    }

    internal sealed record StoredLine(string Id, string Price, long Quantity);

    private static JsonNode List(ApiContext ctx)
    {
        var p = ctx.Params;
        var customer = p.Str("customer");
        var subscription = p.Str("subscription");
        var status = p.Enum("status", "open", "complete", "expired");
        var items = ctx.State.OfType(ObjectType, ctx.Account)
            .Where(x => customer is null || x.Str("customer") == customer)
            .Where(x => subscription is null || x.Str("subscription") == subscription)
            .Where(x => status is null || x.Str("status") == status);
        var page = Lists.Page(ctx, items, "/v1/checkout/sessions");
        p.RejectUnknown();
        return page;
    }

    private static JsonNode Expire(ApiContext ctx)
    {
        ctx.Params.RejectUnknown();
        var session = Find(ctx, ctx.Id);
        if (session.Str("status") != "open")
            throw StripeApiException.BadRequest($"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session.Str("status")}\".", null, "checkout_session_not_open");
        ExpireSession(ctx, session);
        return session.Snapshot();
    }

    /// <summary>Expires every open session (on any account of the key) whose <c>expires_at</c> the key's clock has passed.</summary>
    public static void ExpireDueSessions(OperationContext ctx)
    {
        foreach (var session in ctx.State.AllOfType(ObjectType).ToList())
            if (session.Str("status") == "open" && session.Json["expires_at"]!.AsLong() <= PaymentModeRules.ExpiryNow(ctx))
                ExpireSession(new OperationContext(ctx.Emulator, ctx.State, session.Account, null, null), session);
    }

    /// <summary>
    /// Marks an open session expired and emits <c>checkout.session.expired</c>; a PaymentIntent created by a failed
    /// attempt on it is canceled first (<c>payment_intent.canceled</c>, <c>cancellation_reason: abandoned</c>), as Stripe does.
    /// </summary>
    public static void ExpireSession(OperationContext ctx, Resource session)
    {
        if (session.Str("payment_intent") is { } intentId && ctx.State.Find(intentId) is { } intent && intent.Str("status") != "succeeded")
            ctx.Update(intent, "payment_intent.canceled", json =>
            {
                json["status"] = "canceled";
                json["canceled_at"] = ctx.Now;
                json["cancellation_reason"] = "abandoned";
            });
        session.Json["status"] = "expired";
        session.Json["url"] = null;
        ctx.Emit("checkout.session.expired", session);
    }
}
