using System.Text;
using Marketplace.StripeEmulator.Billing;
using Marketplace.StripeEmulator.Resources.BillingPortal;
using Marketplace.StripeEmulator.Resources.Prices;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Hosted;

/// <summary>
/// Hosted customer portal at <c>/p/session/{bps_…}</c>: lists the customer's subscriptions that are not canceled.
/// POST <c>action=cancel|resume|switch</c> with <c>subscription</c> (and <c>price</c> for switch) changes the
/// subscription (<c>customer.subscription.updated</c>; a switch swaps the item's price without invoicing, as
/// the portal's default proration does) and redirects 303 back; <c>action=return</c> → <c>return_url</c>.
/// </summary>
internal static class PortalPage
{
    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapGet("/p/session/{id}", (string id, Emulator emulator) => Handle(emulator, id, null, null, null));
        r.MapPost("/p/session/{id}", async (string id, HttpContext http, Emulator emulator) =>
        {
            var form = await http.Request.ReadFormAsync();
            return Handle(emulator, id, form["action"].ToString(), form["subscription"].ToString(), form["price"].ToString());
        });
    }

    private static IResult Handle(Emulator emulator, string id, string? action, string? subscriptionId, string? priceId)
    {
        var found = HostedLookup.Find(emulator, id, BillingPortalSessionsApi.ObjectType);
        if (found is null) return HostedLookup.NotFound("portal session");
        var (state, session) = found.Value;
        lock (state.Gate)
        {
            var ctx = new OperationContext(emulator, state, session.Account, null, null);
            var customerId = session.Str("customer")!;
            if (action is null) return Render(ctx, session, customerId, null);
            if (action == "return")
                return session.Str("return_url") is { } back ? Html.SeeOther(back) : Render(ctx, session, customerId, "No return_url.");
            var subscription = state.Find(subscriptionId ?? "");
            if (subscription is null || subscription.ObjectType != SubscriptionLifecycle.ObjectType
                || subscription.Str("customer") != customerId || subscription.Str("status") == "canceled")
                return Render(ctx, session, customerId, "Unknown subscription.", 400);
            switch (action)
            {
                case "cancel":
                    ctx.Update(subscription, "customer.subscription.updated", json =>
                    {
                        json["cancel_at_period_end"] = true;
                        json["cancel_at"] = SubscriptionLifecycle.PeriodEnd(subscription);
                        json["canceled_at"] = ctx.Now;
                        json["cancellation_details"]!["reason"] = "cancellation_requested";
                    });
                    break;
                case "resume":
                    ctx.Update(subscription, "customer.subscription.updated", json =>
                    {
                        json["cancel_at_period_end"] = false;
                        json["cancel_at"] = null;
                        json["canceled_at"] = null;
                        json["cancellation_details"]!["reason"] = null;
                    });
                    break;
                case "switch":
                    var price = state.Find(priceId ?? "");
                    if (price is null || price.ObjectType != PricesApi.ObjectType || price.Account != subscription.Account
                        || !PricesApi.IsRecurring(price) || !price.Json["active"]!.GetValue<bool>()
                        || price.Str("currency") != subscription.Str("currency"))
                        return Render(ctx, session, customerId, "That price cannot be switched to.", 400);
                    ctx.Update(subscription, "customer.subscription.updated", json =>
                    {
                        json["items"]!["data"]![0]!["price"] = price.Snapshot();
                        json["items"]!["data"]![0]!["plan"] = SubscriptionLifecycle.Plan(price.Json);
                    });
                    break;
                default:
                    return Render(ctx, session, customerId, "Unknown action.", 400);
            }
            return Html.SeeOther($"/p/session/{session.Id}");
        }
    }

    private static IResult Render(OperationContext ctx, Resource session, string customerId, string? error, int status = 200)
    {
        var body = new StringBuilder();
        if (error is not null) body.Append("<p class=\"error\" role=\"alert\">").Append(Html.E(error)).Append("</p>");
        var subscriptions = ctx.State.OfType(SubscriptionLifecycle.ObjectType, session.Account)
            .Where(s => s.Str("customer") == customerId && s.Str("status") != "canceled").ToList();
        if (subscriptions.Count == 0) body.Append("<p>No active subscriptions.</p>");
        var action = $"/p/session/{Html.E(session.Id)}";
        foreach (var subscription in subscriptions)
        {
            var item = subscription.Json["items"]!["data"]![0]!;
            var price = item["price"]!;
            var product = ctx.State.Find(price["product"]!.GetValue<string>())?.Str("name");
            var end = DateTimeOffset.FromUnixTimeSeconds(item["current_period_end"]!.AsLong()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var cancelling = subscription.Json["cancel_at_period_end"]!.GetValue<bool>();
            body.Append("<section><h2>").Append(Html.E(product)).Append("</h2><p>")
                .Append(Html.E(Html.Money(price["unit_amount"]!.AsLong(), price["currency"]!.GetValue<string>())))
                .Append(" / ").Append(Html.E(price["recurring"]!["interval"]!.GetValue<string>()))
                .Append(" · status <strong>").Append(Html.E(subscription.Str("status"))).Append("</strong> · ")
                .Append(cancelling ? "cancels on " : "renews on ").Append(end).Append("</p>");
            var hidden = $"<input type=\"hidden\" name=\"subscription\" value=\"{Html.E(subscription.Id)}\">";
            body.Append("<form method=\"post\" action=\"").Append(action).Append("\">").Append(hidden)
                .Append(cancelling
                    ? "<button type=\"submit\" name=\"action\" value=\"resume\">Resume subscription</button>"
                    : "<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel at period end</button>")
                .Append("</form>");
            var others = ctx.State.OfType(PricesApi.ObjectType, session.Account)
                .Where(p => PricesApi.IsRecurring(p) && p.Json["active"]!.GetValue<bool>() && p.Id != price["id"]!.GetValue<string>()
                            && p.Str("currency") == subscription.Str("currency")).ToList();
            if (others.Count > 0)
            {
                body.Append("<form method=\"post\" action=\"").Append(action).Append("\">").Append(hidden)
                    .Append("<label>Switch to <select name=\"price\">");
                foreach (var other in others)
                {
                    var name = ctx.State.Find(other.Str("product")!)?.Str("name");
                    body.Append("<option value=\"").Append(Html.E(other.Id)).Append("\">")
                        .Append(Html.E($"{name} · {Html.Money(PricesApi.UnitAmount(other), other.Str("currency"))} / {other.Json["recurring"]!["interval"]}"))
                        .Append("</option>");
                }
                body.Append("</select></label> <button type=\"submit\" name=\"action\" value=\"switch\">Switch plan</button></form>");
            }
            body.Append("</section>");
        }
        body.Append("<form method=\"post\" action=\"").Append(action).Append("\"><button type=\"submit\" name=\"action\" value=\"return\">Back</button></form>");
        return Html.Page("Billing", body.ToString(), status, session.Str("locale") ?? "auto");
    }
}
