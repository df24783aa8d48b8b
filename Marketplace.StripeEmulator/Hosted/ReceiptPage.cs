using Marketplace.StripeEmulator.Resources.Charges;

namespace Marketplace.StripeEmulator.Hosted;

/// <summary>Hosted receipt at <c>/receipts/payment/{ch_…}</c> (a charge's <c>receipt_url</c>): amount, card, refunds. Read-only.</summary>
internal static class ReceiptPage
{
    public static void Map(IEndpointRouteBuilder r) => r.MapGet("/receipts/payment/{id}", (string id, Emulator emulator) =>
    {
        var found = HostedLookup.Find(emulator, id, ChargesApi.ObjectType);
        if (found is null) return HostedLookup.NotFound("receipt");
        var (state, charge) = found.Value;
        lock (state.Gate)
        {
            var json = charge.Json;
            var currency = json["currency"]!.GetValue<string>();
            var card = json["payment_method_details"]?["card"];
            var body = $"<p>Receipt for charge {Html.E(charge.Id)} · status <strong>{Html.E(charge.Str("status"))}</strong></p>"
                + $"<p>Amount paid {Html.E(Html.Money(json["amount_captured"]!.AsLong(), currency))}"
                + $" with {Html.E(card?["brand"]?.GetValue<string>())} •••• {Html.E(card?["last4"]?.GetValue<string>())}</p>"
                + $"<p>Refunded {Html.E(Html.Money(json["amount_refunded"]!.AsLong(), currency))}</p>";
            return Html.Page("Receipt", body);
        }
    });
}
