using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Billing;

/// <summary>One invoice line: a subscription item for a period, or a proration.</summary>
internal sealed record InvoiceLine(string PriceId, string ProductId, string? SubscriptionItemId, long Quantity,
    long Amount, string Description, long PeriodStart, long PeriodEnd, bool Proration);

/// <summary>
/// Subscription invoices (https://docs.stripe.com/api/invoices/object) through their life:
/// draft (<c>invoice.created</c>) → open (<c>invoice.finalized</c>) → paid (<c>invoice.paid</c>,
/// <c>invoice.payment_succeeded</c>) or still open after <c>invoice.payment_failed</c>. Amounts in minor units.
/// The invoice links to its subscription through <c>parent.subscription_details.subscription</c> (API 2025-03-31+).
/// </summary>
internal static class Invoicing
{
    public const string ObjectType = "invoice";

    public static Resource Create(OperationContext ctx, Resource subscription, string billingReason,
        IReadOnlyList<InvoiceLine> lines, string? id = null)
    {
        id ??= Ids.New("in_", 24);
        var currency = subscription.Str("currency")!;
        var customerId = subscription.Str("customer")!;
        var customer = ctx.State.Find(customerId);
        var total = Math.Max(0, lines.Sum(l => l.Amount));
        var subtotal = lines.Sum(l => l.Amount);
        var lineJson = lines.Select(l => (JsonNode)LineJson(id, currency, subscription.Id, l)).ToArray();
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["account_country"] = "US",
            ["account_name"] = "Marketplace (Stripe emulator)",
            ["amount_due"] = total,
            ["amount_overpaid"] = 0,
            ["amount_paid"] = 0,
            ["amount_remaining"] = total,
            ["amount_shipping"] = 0,
            ["attempt_count"] = 0,
            ["attempted"] = false,
            ["auto_advance"] = true,
            ["billing_reason"] = billingReason,
            ["collection_method"] = "charge_automatically",
            ["created"] = ctx.Now,
            ["currency"] = currency,
            ["customer"] = customerId,
            ["customer_email"] = customer?.Str("email"),
            ["customer_name"] = customer?.Str("name"),
            ["description"] = null,
            ["due_date"] = null,
            ["effective_at"] = null,
            ["ending_balance"] = null,
            ["hosted_invoice_url"] = null,
            ["invoice_pdf"] = null,
            ["last_finalization_error"] = null,
            ["lines"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(lineJson),
                ["has_more"] = false,
                ["total_count"] = lineJson.Length,
                ["url"] = $"/v1/invoices/{id}/lines",
            },
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["next_payment_attempt"] = null,
            ["number"] = null,
            ["parent"] = new JsonObject
            {
                ["quote_details"] = null,
                ["subscription_details"] = new JsonObject
                {
                    ["metadata"] = subscription.Json["metadata"]!.DeepClone(),
                    ["subscription"] = subscription.Id,
                },
                ["type"] = "subscription_details",
            },
            ["period_end"] = lines.Count > 0 ? lines.Max(l => l.PeriodStart) : ctx.Now,
            ["period_start"] = lines.Count > 0 ? lines.Min(l => l.PeriodStart) : ctx.Now,
            ["post_payment_credit_notes_amount"] = 0,
            ["pre_payment_credit_notes_amount"] = 0,
            ["receipt_number"] = null,
            ["starting_balance"] = 0,
            ["statement_descriptor"] = null,
            ["status"] = "draft",
            ["status_transitions"] = new JsonObject
            {
                ["finalized_at"] = null, ["marked_uncollectible_at"] = null, ["paid_at"] = null, ["voided_at"] = null,
            },
            ["subtotal"] = subtotal,
            ["subtotal_excluding_tax"] = subtotal,
            ["total"] = total,
            ["total_discount_amounts"] = new JsonArray(),
            ["total_excluding_tax"] = total,
            ["total_taxes"] = new JsonArray(),
            ["webhooks_delivered_at"] = ctx.Now,
        };
        var invoice = ctx.State.Add(id, ObjectType, subscription.Account, json);
        ctx.Emulator.Store.RegisterHosted(ctx.State, id);
        ctx.Emit("invoice.created", invoice);
        return invoice;
    }

    public static void FinalizeInvoice(OperationContext ctx, Resource invoice)
    {
        var customer = ctx.State.Find(invoice.Str("customer")!);
        var sequence = customer?.Json["next_invoice_sequence"]?.AsLong() ?? 1;
        if (customer is not null) customer.Json["next_invoice_sequence"] = sequence + 1;
        var prefix = customer?.Str("invoice_prefix") ?? "EMU";
        ctx.Update(invoice, "invoice.finalized", json =>
        {
            json["status"] = "open";
            json["number"] = $"{prefix}-{sequence:0000}";
            json["effective_at"] = ctx.Now;
            json["hosted_invoice_url"] = $"{ctx.BaseUrl}/invoice/{invoice.Id}";
            json["status_transitions"]!["finalized_at"] = ctx.Now;
        });
    }

    /// <summary>
    /// Charges an open invoice: a paid one moves its money first (<see cref="InvoiceCharging"/>: PaymentIntent, charge,
    /// transfer and application fee for a destination subscription). Zero-amount invoices are paid without a charge.
    /// </summary>
    public static bool Pay(OperationContext ctx, Resource invoice, bool chargeSucceeds)
    {
        var amount = invoice.Json["amount_due"]!.AsLong();
        if (amount == 0 || chargeSucceeds)
        {
            var subscriptionId = invoice.Json["parent"]?["subscription_details"]?["subscription"]?.GetValue<string>();
            if (amount > 0 && subscriptionId is not null && ctx.State.Find(subscriptionId) is { } subscription)
                InvoiceCharging.Charge(ctx, invoice, subscription);
            ctx.Update(invoice, "invoice.paid", json =>
            {
                json["status"] = "paid";
                json["amount_paid"] = amount;
                json["amount_remaining"] = 0;
                json["attempted"] = amount > 0 || json["attempted"]!.GetValue<bool>();
                json["attempt_count"] = json["attempt_count"]!.AsLong() + (amount > 0 ? 1 : 0);
                json["next_payment_attempt"] = null;
                json["ending_balance"] = 0;
                json["status_transitions"]!["paid_at"] = ctx.Now;
            });
            ctx.Emit("invoice.payment_succeeded", invoice);
            return true;
        }
        ctx.Update(invoice, "invoice.payment_failed", json =>
        {
            json["attempted"] = true;
            json["attempt_count"] = json["attempt_count"]!.AsLong() + 1;
            json["next_payment_attempt"] = Periods.AddDays(ctx.Now, 3);
            json["last_finalization_error"] = null;
        });
        return false;
    }

    private static JsonObject LineJson(string invoiceId, string currency, string subscriptionId, InvoiceLine l) => new()
    {
        ["id"] = Ids.New("il_", 24),
        ["object"] = "line_item",
        ["amount"] = l.Amount,
        ["currency"] = currency,
        ["description"] = l.Description,
        ["discount_amounts"] = new JsonArray(),
        ["discountable"] = !l.Proration,
        ["discounts"] = new JsonArray(),
        ["invoice"] = invoiceId,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["parent"] = new JsonObject
        {
            ["invoice_item_details"] = null,
            ["subscription_item_details"] = new JsonObject
            {
                ["invoice_item"] = null,
                ["proration"] = l.Proration,
                ["proration_details"] = new JsonObject { ["credited_items"] = null },
                ["subscription"] = subscriptionId,
                ["subscription_item"] = l.SubscriptionItemId,
            },
            ["type"] = "subscription_item_details",
        },
        ["period"] = new JsonObject { ["end"] = l.PeriodEnd, ["start"] = l.PeriodStart },
        ["pretax_credit_amounts"] = new JsonArray(),
        ["pricing"] = new JsonObject
        {
            ["price_details"] = new JsonObject { ["price"] = l.PriceId, ["product"] = l.ProductId },
            ["type"] = "price_details",
            ["unit_amount_decimal"] = l.Quantity == 0 ? "0" : (l.Amount / l.Quantity).ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        ["quantity"] = l.Quantity,
        ["subtotal"] = l.Amount,
        ["taxes"] = new JsonArray(),
    };
}
