using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Resources.Checkout;
using Marketplace.StripeEmulator.Resources.Customers;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Billing;

/// <summary>
/// What paying a <c>subscription</c>-mode session on the hosted Checkout page does
/// (https://docs.stripe.com/payments/checkout/how-checkout-works): reuses the session's customer or creates one
/// (<c>customer.created</c>), creates the subscription and its paid first invoice (a zero invoice with a trial), then
/// completes the session (<see cref="Finish"/>). Payment mode is <see cref="Payments.CheckoutPayment"/>.
/// </summary>
internal static class CheckoutCompletion
{
    public static void Complete(OperationContext ctx, Resource session, string cardNumber, string? email)
    {
        var customerId = session.Str("customer");
        if (customerId is null)
        {
            var customerEmail = session.Str("customer_email") ?? email;
            customerId = CustomersApi.CreateCustomer(ctx, customerEmail, null, null, null, null).Id;
        }
        var customer = ctx.State.Find(customerId)!;
        customer.Internal["card"] = cardNumber;
        var paymentStatus = "paid";
        var data = session.Internal.TryGetValue("subscription_data", out var raw) ? JsonNode.Parse(raw)!.AsObject() : new JsonObject();
        var lines = JsonSerializer.Deserialize<List<CheckoutSessionsApi.StoredLine>>(session.Internal["line_items"])!;
        var trial = data["trial_period_days"]?.AsLong();
        var metadata = data["metadata"]?.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());
        var request = new NewSubscription(customerId,
            lines.Select(l => (ctx.State.Find(l.Price)!, l.Quantity)).ToList(),
            trial, metadata, cardNumber, data["description"]?.GetValue<string>(),
            data["application_fee_percent"]?.GetValue<decimal>(), data["transfer_destination"]?.GetValue<string>(),
            data["on_behalf_of"]?.GetValue<string>());
        var subscription = SubscriptionLifecycle.Create(ctx, request, session.Account);
        session.Json["subscription"] = subscription.Id;
        session.Json["invoice"] = subscription.Str("latest_invoice");
        if (trial is > 0) paymentStatus = "no_payment_required";
        Finish(ctx, session, customer, customer.Str("email"), paymentStatus);
    }

    /// <summary>
    /// Completes a paid session: <c>customer</c> (null when none was created), <c>customer_details</c> with the buyer's
    /// email, <c>payment_status</c>, <c>status</c> complete, <c>url</c> cleared; emits <c>checkout.session.completed</c>.
    /// </summary>
    public static void Finish(OperationContext ctx, Resource session, Resource? customer, string? email, string paymentStatus)
    {
        session.Json["customer"] = customer?.Id;
        session.Json["customer_details"] = new JsonObject
        {
            ["address"] = null,
            ["email"] = email,
            ["name"] = customer?.Str("name"),
            ["phone"] = null,
            ["tax_exempt"] = "none",
            ["tax_ids"] = new JsonArray(),
        };
        session.Json["payment_status"] = paymentStatus;
        session.Json["status"] = "complete";
        session.Json["url"] = null; // Stripe clears the hosted URL once the session is complete.
        ctx.Emit("checkout.session.completed", session);
    }
}
