using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Billing;

namespace Marketplace.StripeEmulator.Resources.Invoices;

/// <summary>
/// Invoices (https://docs.stripe.com/api/invoices): retrieve, list (<c>customer</c>, <c>subscription</c>, <c>status</c>),
/// list lines. Invoices are created by subscriptions (checkout, renewal, <c>always_invoice</c> prorations) only.
/// </summary>
internal static class InvoicesApi
{
    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("GET", "/v1/invoices", List);
        r.MapStripe("GET", "/v1/invoices/{id}", ctx =>
        {
            ctx.Params.RejectUnknown();
            return ctx.State.Get(ctx.Id, Invoicing.ObjectType, ctx.Account, "invoice").Snapshot();
        });
        r.MapStripe("GET", "/v1/invoices/{id}/lines", ctx =>
        {
            var invoice = ctx.State.Get(ctx.Id, Invoicing.ObjectType, ctx.Account, "invoice");
            var lines = invoice.Json["lines"]!["data"]!.AsArray().Select(l => (l!["id"]!.GetValue<string>(), l.DeepClone())).ToList();
            var page = Lists.Page(ctx, lines, $"/v1/invoices/{invoice.Id}/lines");
            ctx.Params.RejectUnknown();
            return page;
        });
    }

    private static JsonNode List(ApiContext ctx)
    {
        var p = ctx.Params;
        var customer = p.Str("customer");
        var subscription = p.Str("subscription");
        var status = p.Enum("status", "draft", "open", "paid", "uncollectible", "void");
        var items = ctx.State.OfType(Invoicing.ObjectType, ctx.Account)
            .Where(x => customer is null || x.Str("customer") == customer)
            .Where(x => subscription is null || x.Json["parent"]?["subscription_details"]?["subscription"]?.GetValue<string>() == subscription)
            .Where(x => status is null || x.Str("status") == status);
        var page = Lists.Page(ctx, items, "/v1/invoices");
        p.RejectUnknown();
        return page;
    }
}
