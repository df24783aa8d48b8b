using System.Text;
using Marketplace.StripeEmulator.Billing;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.Checkout;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Hosted;

/// <summary>
/// Hosted Checkout at <c>/c/pay/{cs_…}</c> (the session's <c>url</c>): shows the line items and a card field.
/// POST with <c>card_number</c> (and <c>email</c> when the session has no customer): 4242… pays, 4000 0000 0000 0002 is
/// declined (402, error shown, session stays open), 4000 0000 0000 0341 pays now and fails at renewal.
/// Paying redirects 303 to <c>success_url</c> with <c>{CHECKOUT_SESSION_ID}</c> replaced; POST <c>/back</c> → <c>cancel_url</c>.
/// An expired or completed session shows a 410 page.
/// </summary>
internal static class CheckoutPage
{
    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapGet("/c/pay/{id}", (string id, Emulator emulator) => Show(emulator, id, null));
        r.MapPost("/c/pay/{id}", PayAsync);
        r.MapPost("/c/pay/{id}/back", (string id, Emulator emulator) =>
        {
            var found = HostedLookup.Find(emulator, id, CheckoutSessionsApi.ObjectType);
            if (found is null) return HostedLookup.NotFound("Checkout Session");
            string? cancelUrl;
            lock (found.Value.State.Gate) cancelUrl = found.Value.Resource.Str("cancel_url");
            return cancelUrl is null ? Html.Page("No cancel URL", "<p>This session has no cancel_url.</p>") : Html.SeeOther(cancelUrl);
        });
    }

    private static async Task<IResult> PayAsync(string id, HttpContext http, Emulator emulator)
    {
        var form = await http.Request.ReadFormAsync();
        var found = HostedLookup.Find(emulator, id, CheckoutSessionsApi.ObjectType);
        if (found is null) return HostedLookup.NotFound("Checkout Session");
        var (state, session) = found.Value;
        var card = TestCards.Normalize(form["card_number"]);
        var email = form["email"].ToString();
        lock (state.Gate)
        {
            var ctx = new OperationContext(emulator, state, session.Account, null, null);
            if (Closed(ctx, session) is { } closed) return closed;
            var needsEmail = session.Str("customer") is null && session.Str("customer_email") is null;
            if (needsEmail && !email.Contains('@')) return Show(emulator, id, "Enter a valid email address.");
            var behavior = TestCards.Classify(card);
            if (behavior == CardBehavior.Invalid) return Render(ctx, session, "Your card number is invalid.", 402);
            if (session.Str("mode") == "payment")
            {
                try
                {
                    if (CheckoutPayment.Pay(ctx, session, card!, needsEmail ? email : null) is { } decline)
                        return Render(ctx, session, decline.Message, 402);
                }
                catch (Api.StripeApiException ex)
                {
                    return Render(ctx, session, ex.Message, ex.Status);
                }
            }
            else if (behavior is CardBehavior.Declined or CardBehavior.InsufficientFunds)
                return Render(ctx, session, behavior == CardBehavior.Declined ? "Your card was declined." : "Your card has insufficient funds.", 402);
            else
                CheckoutCompletion.Complete(ctx, session, card!, needsEmail ? email : null);
            var successUrl = session.Str("success_url")!.Replace("{CHECKOUT_SESSION_ID}", session.Id, StringComparison.Ordinal);
            return Html.SeeOther(successUrl);
        }
    }

    private static IResult Show(Emulator emulator, string id, string? error)
    {
        var found = HostedLookup.Find(emulator, id, CheckoutSessionsApi.ObjectType);
        if (found is null) return HostedLookup.NotFound("Checkout Session");
        var (state, session) = found.Value;
        lock (state.Gate)
        {
            var ctx = new OperationContext(emulator, state, session.Account, null, null);
            return Closed(ctx, session) ?? Render(ctx, session, error, error is null ? 200 : 400);
        }
    }

    /// <summary>A page for sessions that cannot be paid any more; expires an open session past its <c>expires_at</c>.</summary>
    private static IResult? Closed(OperationContext ctx, Resource session)
    {
        if (session.Str("status") == "open" && session.Json["expires_at"]!.AsLong() <= PaymentModeRules.ExpiryNow(ctx))
            CheckoutSessionsApi.ExpireSession(ctx, session);
        return session.Str("status") switch
        {
            "complete" => Html.Page("Already paid", "<p>This Checkout Session is complete.</p>", 410),
            "expired" => Html.Page("Session expired", "<p>This Checkout Session has expired.</p>", 410),
            _ => null,
        };
    }

    private static IResult Render(OperationContext ctx, Resource session, string? error, int status)
    {
        var lines = CheckoutSessionsApi.LineItems(ctx, session)["data"]!.AsArray();
        var body = new StringBuilder();
        body.Append("<table><tr><th>Item</th><th>Qty</th><th>Amount</th></tr>");
        foreach (var line in lines)
        {
            var recurring = line!["price"]!["recurring"];
            var every = recurring is null ? "" : $" / {recurring["interval"]}";
            var product = line["price"]!["product"]?.GetValue<string>() is { } productId ? ctx.State.Find(productId) : null;
            body.Append("<tr><td>");
            if (product?.Json["images"]?.AsArray().FirstOrDefault()?.GetValue<string>() is { } image)
                body.Append("<img src=\"").Append(Html.E(image)).Append("\" alt=\"\" width=\"96\" data-product-image> ");
            body.Append(Html.E(line["description"]?.GetValue<string>()));
            if (product?.Str("description") is { Length: > 0 } productDescription)
                body.Append("<br><small data-product-description>").Append(Html.E(productDescription)).Append("</small>");
            body.Append("</td><td>").Append(line["quantity"])
                .Append("</td><td>").Append(Html.E(Html.Money(line["amount_total"]!.AsLong(), session.Str("currency"), session.Str("locale")) + every))
                .Append("</td></tr>");
        }
        body.Append("</table><p><strong>Total: ")
            .Append(Html.E(Html.Money(session.Json["amount_total"]!.AsLong(), session.Str("currency"), session.Str("locale")))).Append("</strong></p>");
        if (session.Internal.TryGetValue("subscription_data", out var data) && data.Contains("\"trial_period_days\":", StringComparison.Ordinal)
            && !data.Contains("\"trial_period_days\":null", StringComparison.Ordinal))
            body.Append("<p>Includes a free trial: nothing is charged today.</p>");
        if (error is not null) body.Append("<p class=\"error\" role=\"alert\">").Append(Html.E(error)).Append("</p>");
        body.Append("<form method=\"post\" action=\"/c/pay/").Append(Html.E(session.Id)).Append("\">");
        if (session.Str("customer") is null && session.Str("customer_email") is null)
            body.Append("<p><label>Email <input name=\"email\" type=\"email\" required></label></p>");
        else
            body.Append("<p>Email: ").Append(Html.E(session.Str("customer_email") ?? ctx.State.Find(session.Str("customer")!)?.Str("email"))).Append("</p>");
        body.Append("<p><label>Card number <input name=\"card_number\" inputmode=\"numeric\" autocomplete=\"cc-number\" value=\"4242 4242 4242 4242\" required></label></p>")
            .Append("<p class=\"note\">4242 4242 4242 4242 pays · 4000 0000 0000 0002 is declined · 4000 0000 0000 9995 has insufficient funds · 4000 0000 0000 0259 pays, then is disputed · 4000 0000 0000 0341 pays now, fails at renewal</p>")
            .Append("<button type=\"submit\" name=\"action\" value=\"pay\">")
            .Append(session.Str("mode") == "subscription" ? "Subscribe" : "Pay").Append("</button></form>")
            .Append("<form method=\"post\" action=\"/c/pay/").Append(Html.E(session.Id)).Append("/back\"><button type=\"submit\">Back</button></form>");
        return Html.Page("Checkout", body.ToString(), status, session.Str("locale") ?? "auto");
    }
}
