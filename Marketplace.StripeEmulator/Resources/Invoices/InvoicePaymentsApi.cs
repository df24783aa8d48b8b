using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Billing;

namespace Marketplace.StripeEmulator.Resources.Invoices;

/// <summary>
/// Invoice payments (https://docs.stripe.com/api/invoice-payment): retrieve, list (<c>invoice</c>,
/// <c>payment[type]</c>, <c>payment[payment_intent]</c>, <c>status</c>). One per paid subscription invoice with an
/// amount, made by <see cref="InvoiceCharging"/>.
/// </summary>
internal static class InvoicePaymentsApi
{
    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("GET", "/v1/invoice_payments", List);
        r.MapStripe("GET", "/v1/invoice_payments/{id}", ctx =>
        {
            ctx.Params.RejectUnknown();
            return ctx.State.Get(ctx.Id, InvoiceCharging.PaymentObjectType, ctx.Account, "invoice_payment").Snapshot();
        });
    }

    private static JsonNode List(ApiContext ctx)
    {
        var p = ctx.Params;
        var invoice = p.Str("invoice");
        var status = p.Enum("status", "canceled", "open", "paid");
        var payment = p.Obj("payment");
        var intent = payment?.Str("payment_intent");
        payment?.Enum("type", "payment_intent", "payment_record");
        var items = ctx.State.OfType(InvoiceCharging.PaymentObjectType, ctx.Account)
            .Where(x => invoice is null || x.Str("invoice") == invoice)
            .Where(x => status is null || x.Str("status") == status)
            .Where(x => intent is null || x.Json["payment"]?["payment_intent"]?.GetValue<string>() == intent);
        var page = Lists.Page(ctx, items, "/v1/invoice_payments");
        payment?.RejectUnknown();
        p.RejectUnknown();
        return page;
    }
}
