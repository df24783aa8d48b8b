using Marketplace.StripeEmulator.Billing;

namespace Marketplace.StripeEmulator.Hosted;

/// <summary>Hosted invoice page at <c>/invoice/{in_…}</c> (an invoice's <c>hosted_invoice_url</c>): read-only summary.</summary>
internal static class InvoicePage
{
    public static void Map(IEndpointRouteBuilder r) => r.MapGet("/invoice/{id}", (string id, Emulator emulator) =>
    {
        var found = HostedLookup.Find(emulator, id, Invoicing.ObjectType);
        if (found is null) return HostedLookup.NotFound("invoice");
        var (state, invoice) = found.Value;
        lock (state.Gate)
        {
            var json = invoice.Json;
            var body = $"<p>Invoice {Html.E(json["number"]?.GetValue<string>())} · status <strong>{Html.E(json["status"]!.GetValue<string>())}</strong></p>"
                + $"<p>Amount due {Html.E(Html.Money(json["amount_due"]!.AsLong(), json["currency"]!.GetValue<string>()))}, "
                + $"paid {Html.E(Html.Money(json["amount_paid"]!.AsLong(), json["currency"]!.GetValue<string>()))}</p>";
            return Html.Page("Invoice", body);
        }
    });
}
