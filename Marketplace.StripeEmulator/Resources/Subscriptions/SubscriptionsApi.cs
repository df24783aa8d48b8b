using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Billing;
using Marketplace.StripeEmulator.Resources.Prices;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Subscriptions;

/// <summary>
/// Subscriptions (https://docs.stripe.com/api/subscriptions): retrieve, list (<c>customer</c>, <c>price</c>,
/// <c>status</c>; canceled ones only with <c>status=canceled|all</c>), update (<c>items[]</c> price swap with
/// <c>proration_behavior</c>, <c>cancel_at_period_end</c>, <c>metadata</c>, <c>description</c>), cancel (DELETE), search.
/// Subscriptions are created by Checkout; <c>POST /v1/subscriptions</c> is not emulated.
/// </summary>
internal static class SubscriptionsApi
{
    private static readonly HashSet<string> SearchFields = ["status", "created"];

    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("GET", "/v1/subscriptions", List);
        r.MapStripe("GET", "/v1/subscriptions/search", ctx => Search.Run(ctx, SubscriptionLifecycle.ObjectType, SearchFields, "/v1/subscriptions/search"));
        r.MapStripe("GET", "/v1/subscriptions/{id}", ctx => { ctx.Params.RejectUnknown(); return Find(ctx, ctx.Id).Snapshot(); });
        r.MapStripe("POST", "/v1/subscriptions/{id}", Update);
        r.MapStripe("DELETE", "/v1/subscriptions/{id}", Cancel);
    }

    public static Resource Find(OperationContext ctx, string id) =>
        ctx.State.Get(id, SubscriptionLifecycle.ObjectType, ctx.Account, "subscription");

    private static JsonNode List(ApiContext ctx)
    {
        var p = ctx.Params;
        var customer = p.Str("customer");
        var price = p.Str("price");
        var status = p.Enum("status", "active", "all", "canceled", "ended", "incomplete", "incomplete_expired", "past_due", "paused", "trialing", "unpaid");
        var items = ctx.State.OfType(SubscriptionLifecycle.ObjectType, ctx.Account)
            .Where(x => customer is null || x.Str("customer") == customer)
            .Where(x => price is null || x.Json["items"]!["data"]!.AsArray().Any(i => i!["price"]!["id"]!.GetValue<string>() == price))
            .Where(x => status switch
            {
                null => x.Str("status") != "canceled",
                "all" => true,
                "ended" => x.Str("status") == "canceled",
                _ => x.Str("status") == status,
            });
        var page = Lists.Page(ctx, items, "/v1/subscriptions");
        p.RejectUnknown();
        return page;
    }

    private static JsonNode Update(ApiContext ctx)
    {
        var p = ctx.Params;
        var cancelAtPeriodEnd = p.Bool("cancel_at_period_end");
        var metadata = p.Map("metadata", out var clear);
        var description = p.Str("description");
        var proration = p.Enum("proration_behavior", "create_prorations", "none", "always_invoice") ?? "create_prorations";
        var paymentBehavior = p.Enum("payment_behavior", "allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete");
        p.Long("proration_date");
        var itemParams = p.ObjList("items") ?? [];
        var changes = itemParams.Select(i => (Id: i.Str("id"), Price: i.Str("price"), Quantity: i.Long("quantity"), Deleted: i.Bool("deleted") ?? false)).ToList();
        p.RejectUnknown();

        var subscription = Find(ctx, ctx.Id);
        if (subscription.Str("status") == "canceled")
            throw StripeApiException.BadRequest("A canceled subscription can only update its cancellation_details and metadata.", null);
        var currentItems = subscription.Json["items"]!["data"]!.AsArray();
        var swaps = new List<(JsonObject? Item, Resource? NewPrice, long? Quantity, bool Deleted)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var item = change.Id is null ? null : currentItems.FirstOrDefault(x => x!["id"]!.GetValue<string>() == change.Id)?.AsObject();
            if (change.Id is not null && item is null) throw StripeApiException.NotFound("subscription_item", change.Id, $"items[{i}][id]");
            Resource? newPrice = null;
            if (change.Price is not null)
            {
                newPrice = PricesApi.Find(ctx, change.Price, $"items[{i}][price]");
                if (!PricesApi.IsRecurring(newPrice) || !newPrice.Json["active"]!.GetValue<bool>())
                    throw StripeApiException.Invalid($"items[{i}][price]", "The price must be an active recurring price.");
                if (newPrice.Str("currency") != subscription.Str("currency"))
                    throw StripeApiException.Invalid($"items[{i}][price]", "The price's currency must match the subscription's currency.");
            }
            if (item is null && newPrice is null) throw StripeApiException.Missing($"items[{i}][price]");
            swaps.Add((item, newPrice, change.Quantity, change.Deleted));
        }

        // error_if_incomplete: a charge that would fail answers 402 and changes nothing, as Stripe rolls the update back.
        var changesInterval = swaps.Any(x => x.Item is not null && !x.Deleted && x.NewPrice is not null
            && (x.NewPrice.Json["recurring"]!["interval"]!.GetValue<string>() != x.Item["price"]!["recurring"]!["interval"]!.GetValue<string>()
                || x.NewPrice.Json["recurring"]!["interval_count"]!.AsLong() != x.Item["price"]!["recurring"]!["interval_count"]!.AsLong()));
        if ((proration == "always_invoice" || changesInterval) && paymentBehavior == "error_if_incomplete"
            && !TestCards.RenewalSucceeds(subscription.Internal.GetValueOrDefault("card"))
            && swaps.Any(x => x.Item is not null && !x.Deleted && x.NewPrice is not null
                && PricesApi.UnitAmount(x.NewPrice) * (x.Quantity ?? x.Item["quantity"]!.AsLong())
                   > (changesInterval ? 0 : x.Item["price"]!["unit_amount"]!.AsLong() * x.Item["quantity"]!.AsLong())))
            throw StripeApiException.CardDeclined();

        var remaining = currentItems.Count - swaps.Count(x => x.Item is not null && x.Deleted) + swaps.Count(x => x.Item is null);
        if (remaining < 1) throw StripeApiException.Invalid("items", "A subscription needs at least one item.");

        var prorationLines = new List<InvoiceLine>();
        var resetLines = new List<InvoiceLine>();
        var trialing = subscription.Str("status") == "trialing";
        ctx.Update(subscription, "customer.subscription.updated", json =>
        {
            if (metadata is not null) Json.MergeMetadata(json, metadata, clear);
            if (description is not null) json["description"] = description.Length == 0 ? null : description;
            if (cancelAtPeriodEnd is not null)
            {
                json["cancel_at_period_end"] = cancelAtPeriodEnd.Value;
                json["cancel_at"] = cancelAtPeriodEnd.Value ? SubscriptionLifecycle.PeriodEnd(subscription) : null;
                json["canceled_at"] = cancelAtPeriodEnd.Value ? ctx.Now : null;
                json["cancellation_details"]!["reason"] = cancelAtPeriodEnd.Value ? "cancellation_requested" : null;
            }
            var items = json["items"]!["data"]!.AsArray();
            foreach (var (item, newPrice, quantity, deleted) in swaps)
            {
                if (item is null)
                {
                    var first = items[0]!;
                    items.Add(SubscriptionLifecycle.ItemJson(subscription.Id, newPrice!, quantity ?? 1,
                        first["current_period_start"]!.AsLong(), first["current_period_end"]!.AsLong()));
                    continue;
                }
                var target = items.First(x => x!["id"]!.GetValue<string>() == item["id"]!.GetValue<string>())!.AsObject();
                if (deleted) { items.Remove(target); continue; }
                var oldAmount = target["price"]!["unit_amount"]!.AsLong() * target["quantity"]!.AsLong();
                var oldRecurring = target["price"]!["recurring"]!;
                var oldPriceId = target["price"]!["id"]!.GetValue<string>();
                var oldProductId = target["price"]!["product"]!.GetValue<string>();
                if (newPrice is not null)
                {
                    target["price"] = newPrice.Snapshot();
                    target["plan"] = SubscriptionLifecycle.Plan(newPrice.Json);
                }
                if (quantity is not null) target["quantity"] = quantity.Value;
                var newAmount = target["price"]!["unit_amount"]!.AsLong() * target["quantity"]!.AsLong();
                var newRecurring = target["price"]!["recurring"]!;
                var start = target["current_period_start"]!.AsLong();
                var end = target["current_period_end"]!.AsLong();
                var remaining = end > start ? Math.Clamp((double)(end - ctx.Now) / (end - start), 0, 1) : 0;
                var intervalChanged = newRecurring["interval"]!.GetValue<string>() != oldRecurring["interval"]!.GetValue<string>()
                    || newRecurring["interval_count"]!.AsLong() != oldRecurring["interval_count"]!.AsLong();
                if (intervalChanged && !trialing)
                {
                    // A new billing interval resets the billing cycle to now and is invoiced at once: the new price for a
                    // full new period, less the unused time of the old one (unless proration_behavior=none).
                    var newEnd = Periods.Add(ctx.Now, newRecurring["interval"]!.GetValue<string>(), newRecurring["interval_count"]!.AsLong());
                    var credit = (long)Math.Round(oldAmount * remaining);
                    if (proration != "none" && credit != 0)
                        resetLines.Add(new InvoiceLine(oldPriceId, oldProductId, target["id"]!.GetValue<string>(), target["quantity"]!.AsLong(), -credit,
                            "Unused time for the rest of the previous period", ctx.Now, end, true));
                    resetLines.Add(new InvoiceLine(target["price"]!["id"]!.GetValue<string>(), target["price"]!["product"]!.GetValue<string>(),
                        target["id"]!.GetValue<string>(), target["quantity"]!.AsLong(), newAmount,
                        SubscriptionLifecycle.Describe(ctx, ctx.State.Find(target["price"]!["id"]!.GetValue<string>())!, target["quantity"]!.AsLong(), false),
                        ctx.Now, newEnd, false));
                    target["current_period_start"] = ctx.Now;
                    target["current_period_end"] = newEnd;
                    json["billing_cycle_anchor"] = ctx.Now;
                    continue;
                }
                var difference = trialing ? 0 : (long)Math.Round((newAmount - oldAmount) * remaining);
                if (difference != 0)
                    prorationLines.Add(new InvoiceLine(target["price"]!["id"]!.GetValue<string>(), target["price"]!["product"]!.GetValue<string>(),
                        target["id"]!.GetValue<string>(), target["quantity"]!.AsLong(), difference,
                        "Proration for the remaining time of the period", ctx.Now, end, true));
            }
            json["items"]!["total_count"] = items.Count;
            if (json["cancel_at_period_end"]!.GetValue<bool>()) json["cancel_at"] = SubscriptionLifecycle.PeriodEnd(subscription);
        });

        // Stripe: always_invoice (or a billing cycle reset) invoices now, pending proration items included;
        // create_prorations leaves the proration items pending for the next invoice; none creates none.
        if (resetLines.Count > 0 || (proration == "always_invoice" && prorationLines.Count > 0))
        {
            var lines = PendingProrations.Take(subscription).Concat(prorationLines).Concat(resetLines).ToList();
            var invoice = Invoicing.Create(ctx, subscription, "subscription_update", lines);
            subscription.Json["latest_invoice"] = invoice.Id;
            Invoicing.FinalizeInvoice(ctx, invoice);
            if (!Invoicing.Pay(ctx, invoice, TestCards.RenewalSucceeds(subscription.Internal.GetValueOrDefault("card"))))
                ctx.Update(subscription, "customer.subscription.updated", json => json["status"] = "past_due");
        }
        else if (proration == "create_prorations")
        {
            PendingProrations.Add(subscription, prorationLines);
        }
        return subscription.Snapshot();
    }

    private static JsonNode Cancel(ApiContext ctx)
    {
        var p = ctx.Params;
        p.Bool("invoice_now");
        p.Bool("prorate");
        var details = p.Obj("cancellation_details");
        var comment = details?.Str("comment");
        var feedback = details?.Str("feedback");
        p.RejectUnknown();
        var subscription = Find(ctx, ctx.Id);
        if (subscription.Str("status") == "canceled")
            throw StripeApiException.NotFound("subscription", subscription.Id);
        subscription.Json["cancellation_details"]!["comment"] = comment;
        subscription.Json["cancellation_details"]!["feedback"] = feedback;
        subscription.Json["canceled_at"] = ctx.Now;
        SubscriptionLifecycle.End(ctx, subscription, ctx.Now, "cancellation_requested");
        return subscription.Snapshot();
    }
}
