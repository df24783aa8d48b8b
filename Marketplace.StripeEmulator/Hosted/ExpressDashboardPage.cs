using System.Text;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.Accounts;

namespace Marketplace.StripeEmulator.Hosted;

/// <summary>
/// The hosted "Express dashboard" at <c>/express/{token}</c> (a login link's <c>url</c>): the connected account's balance
/// (available and pending per currency) and its payouts, newest first. Read-only. The link is single use, as Stripe's:
/// opening it again shows a 410 page.
/// </summary>
internal static class ExpressDashboardPage
{
    public static void Map(IEndpointRouteBuilder r) => r.MapGet("/express/{token}", (string token, Emulator emulator) =>
    {
        var found = HostedLookup.Find(emulator, token, LoginLinksApi.ObjectType);
        if (found is null) return HostedLookup.NotFound("login link");
        var (state, link) = found.Value;
        lock (state.Gate)
        {
            if (link.Internal.ContainsKey("used"))
                return Html.Page("Link expired", "<p>This login link was already used. Ask the platform for a new one.</p>", 410);
            link.Internal["used"] = "true";
            var account = state.Find(link.Internal["account"])!;
            var currency = account.Str("default_currency") ?? "usd";
            var balance = Ledger.Balance(state, account.Id, currency);
            var body = new StringBuilder()
                .Append("<p>Account ").Append(Html.E(account.Id)).Append(" · ").Append(Html.E(account.Str("email"))).Append("</p>")
                .Append("<h2>Balance</h2><table><tr><th>Currency</th><th>Available</th><th>Pending</th></tr>");
            foreach (var available in balance["available"]!.AsArray())
            {
                var code = available!["currency"]!.GetValue<string>();
                var pending = balance["pending"]!.AsArray().First(p => p!["currency"]!.GetValue<string>() == code)!;
                body.Append("<tr><td>").Append(Html.E(code.ToUpperInvariant()))
                    .Append("</td><td data-testid=\"available\">").Append(Html.E(Html.Money(available["amount"]!.AsLong(), code)))
                    .Append("</td><td data-testid=\"pending\">").Append(Html.E(Html.Money(pending["amount"]!.AsLong(), code)))
                    .Append("</td></tr>");
            }
            body.Append("</table><h2>Payouts</h2>");
            var payouts = state.OfType("payout", account.Id).ToList();
            if (payouts.Count == 0) body.Append("<p>No payouts yet.</p>");
            else
            {
                body.Append("<table><tr><th>Payout</th><th>Amount</th><th>Status</th><th>Arrival</th></tr>");
                foreach (var payout in payouts)
                {
                    var arrival = DateTimeOffset.FromUnixTimeSeconds(payout.Json["arrival_date"]!.AsLong()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    body.Append("<tr><td>").Append(Html.E(payout.Id))
                        .Append("</td><td>").Append(Html.E(Html.Money(payout.Json["amount"]!.AsLong(), payout.Str("currency"))))
                        .Append("</td><td>").Append(Html.E(payout.Str("status")))
                        .Append(payout.Str("failure_message") is { } why ? $" ({Html.E(why)})" : "")
                        .Append("</td><td>").Append(Html.E(arrival)).Append("</td></tr>");
                }
                body.Append("</table>");
            }
            return Html.Page("Express dashboard", body.ToString());
        }
    });
}
