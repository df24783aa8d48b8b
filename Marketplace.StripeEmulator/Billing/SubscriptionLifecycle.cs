using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Billing;

/// <summary>Options of a new subscription (from Checkout's <c>subscription_data</c>).</summary>
internal sealed record NewSubscription(string CustomerId, IReadOnlyList<(Resource Price, long Quantity)> Items,
    long? TrialPeriodDays, Dictionary<string, string>? Metadata, string? CardNumber, string? Description,
    decimal? ApplicationFeePercent, string? TransferDestination, string? OnBehalfOf);

/// <summary>
/// Subscriptions (https://docs.stripe.com/api/subscriptions/object) from creation to renewal and cancellation.
/// Since API 2025-03-31 the billing period lives on each item (<c>items.data[].current_period_start/end</c>, Unix seconds).
/// Events: <c>customer.subscription.created/updated/deleted</c> and the invoice events of <see cref="Invoicing"/>.
/// </summary>
internal static class SubscriptionLifecycle
{
    public const string ObjectType = "subscription";
    private static readonly string[] LiveStatuses = ["trialing", "active", "past_due"];

    /// <summary>Creates an active (or trialing) subscription and its first invoice, paid (or zero with a trial).</summary>
    public static Resource Create(OperationContext ctx, NewSubscription request, string? account)
    {
        var now = ctx.Now;
        var first = request.Items[0].Price;
        var recurring = first.Json["recurring"]!;
        var trialEnd = request.TrialPeriodDays is > 0 ? Periods.AddDays(now, request.TrialPeriodDays.Value) : (long?)null;
        var periodEnd = trialEnd ?? Periods.Add(now, recurring["interval"]!.GetValue<string>(), recurring["interval_count"]!.AsLong());
        var id = Ids.New("sub_", 24);
        var invoiceId = Ids.New("in_", 24);
        var paymentMethod = request.CardNumber is null ? null : Ids.New("pm_", 24);
        var items = request.Items.Select(i => (JsonNode)ItemJson(id, i.Price, i.Quantity, now, periodEnd)).ToArray();
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["application"] = null,
            ["application_fee_percent"] = request.ApplicationFeePercent,
            ["automatic_tax"] = new JsonObject { ["disabled_reason"] = null, ["enabled"] = false, ["liability"] = null },
            ["billing_cycle_anchor"] = periodEnd == trialEnd ? trialEnd : now,
            ["billing_mode"] = new JsonObject { ["flexible"] = null, ["type"] = "classic" },
            ["cancel_at"] = null,
            ["cancel_at_period_end"] = false,
            ["canceled_at"] = null,
            ["cancellation_details"] = new JsonObject { ["comment"] = null, ["feedback"] = null, ["reason"] = null },
            ["collection_method"] = "charge_automatically",
            ["created"] = now,
            ["currency"] = first.Str("currency"),
            ["customer"] = request.CustomerId,
            ["days_until_due"] = null,
            ["default_payment_method"] = paymentMethod,
            ["description"] = request.Description,
            ["discounts"] = new JsonArray(),
            ["ended_at"] = null,
            ["items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(items),
                ["has_more"] = false,
                ["total_count"] = items.Length,
                ["url"] = $"/v1/subscription_items?subscription={id}",
            },
            ["latest_invoice"] = invoiceId,
            ["livemode"] = false,
            ["metadata"] = Json.Metadata(request.Metadata),
            ["on_behalf_of"] = request.OnBehalfOf,
            ["pause_collection"] = null,
            ["pending_update"] = null,
            ["start_date"] = now,
            ["status"] = trialEnd is null ? "active" : "trialing",
            ["test_clock"] = null,
            ["transfer_data"] = request.TransferDestination is null ? null : new JsonObject
            {
                ["amount_percent"] = null, ["destination"] = request.TransferDestination,
            },
            ["trial_end"] = trialEnd,
            ["trial_settings"] = new JsonObject { ["end_behavior"] = new JsonObject { ["missing_payment_method"] = "create_invoice" } },
            ["trial_start"] = trialEnd is null ? null : now,
        };
        var subscription = ctx.State.Add(id, ObjectType, account, json);
        if (request.CardNumber is not null) subscription.Internal["card"] = request.CardNumber;
        ctx.Emit("customer.subscription.created", subscription);

        var lines = request.Items.Select((item, index) => new InvoiceLine(item.Price.Id, item.Price.Str("product")!,
            items[index]!["id"]!.GetValue<string>(), item.Quantity,
            trialEnd is null ? item.Price.Json["unit_amount"]!.AsLong() * item.Quantity : 0,
            Describe(ctx, item.Price, item.Quantity, trialEnd is not null), now, periodEnd, false)).ToList();
        var invoice = Invoicing.Create(ctx, subscription, "subscription_create", lines, invoiceId);
        Invoicing.FinalizeInvoice(ctx, invoice);
        Invoicing.Pay(ctx, invoice, chargeSucceeds: true);
        return subscription;
    }

    /// <summary>
    /// Runs every period boundary reached by the key's clock: <c>customer.subscription.trial_will_end</c> once the clock
    /// is within three days of a trial's end, cancels subscriptions set to cancel at period end
    /// (<c>customer.subscription.deleted</c>), ends trials, and renews (new period, invoice charged: paid, or
    /// <c>invoice.payment_failed</c> and status <c>past_due</c> for the 4000 0000 0000 0341 card).
    /// </summary>
    public static int RunDueRenewals(OperationContext ctx)
    {
        var processed = 0;
        foreach (var subscription in ctx.State.AllOfType(ObjectType).ToList())
        {
            var subCtx = new OperationContext(ctx.Emulator, ctx.State, subscription.Account, null, null);
            EmitTrialWillEnd(subCtx, subscription);
            for (var guard = 0; guard < 120 && LiveStatuses.Contains(subscription.Str("status")); guard++)
            {
                var periodEnd = PeriodEnd(subscription);
                if (periodEnd > ctx.Now) break;
                processed++;
                var cancelAt = subscription.Json["cancel_at"]?.AsLong();
                if (subscription.Json["cancel_at_period_end"]!.GetValue<bool>() || (cancelAt is not null && cancelAt <= periodEnd))
                {
                    End(subCtx, subscription, periodEnd, "cancellation_requested");
                    break;
                }
                Renew(subCtx, subscription, periodEnd);
            }
        }
        return processed;
    }

    /// <summary>How long before <c>trial_end</c> Stripe sends <c>customer.subscription.trial_will_end</c>.</summary>
    public const long TrialWillEndNoticeSeconds = 3 * 24 * 3600;

    /// <summary>
    /// <c>customer.subscription.trial_will_end</c>, "three days before the trial period is scheduled to end"
    /// (https://docs.stripe.com/billing/subscriptions/trials#use-trial-will-end; https://docs.stripe.com/api/events/types):
    /// once per trial end, when a trialing subscription's clock reaches <c>trial_end</c> − 3 days (at once for a shorter trial).
    /// </summary>
    private static void EmitTrialWillEnd(OperationContext ctx, Resource subscription)
    {
        if (subscription.Str("status") != "trialing" || subscription.Json["trial_end"]?.AsLong() is not { } trialEnd) return;
        var marker = trialEnd.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ctx.Now < trialEnd - TrialWillEndNoticeSeconds || subscription.Internal.GetValueOrDefault("trial_will_end_sent") == marker) return;
        subscription.Internal["trial_will_end_sent"] = marker;
        ctx.Emit("customer.subscription.trial_will_end", subscription);
    }

    /// <summary>Cancels now or at <paramref name="endedAt"/>; emits <c>customer.subscription.deleted</c>.</summary>
    public static void End(OperationContext ctx, Resource subscription, long endedAt, string reason)
    {
        var before = subscription.Snapshot();
        subscription.Json["status"] = "canceled";
        subscription.Json["ended_at"] = endedAt;
        subscription.Json["canceled_at"] ??= ctx.Now;
        subscription.Json["cancellation_details"]!["reason"] = reason;
        ctx.Emit("customer.subscription.deleted", subscription, JsonDiff.PreviousAttributes(before, subscription.Json));
    }

    public static long PeriodEnd(Resource subscription) =>
        subscription.Json["items"]!["data"]!.AsArray().Min(i => i!["current_period_end"]!.AsLong());

    public static string Describe(OperationContext ctx, Resource price, long quantity, bool trial)
    {
        var product = ctx.State.Find(price.Str("product")!)?.Str("name") ?? price.Str("product");
        return trial ? $"Trial period for {product}" : $"{quantity} × {product}";
    }

    public static JsonObject ItemJson(string subscriptionId, Resource price, long quantity, long periodStart, long periodEnd) => new()
    {
        ["id"] = Ids.New("si_", 14),
        ["object"] = "subscription_item",
        ["billing_thresholds"] = null,
        ["created"] = periodStart,
        ["current_period_end"] = periodEnd,
        ["current_period_start"] = periodStart,
        ["discounts"] = new JsonArray(),
        ["metadata"] = new JsonObject(),
        ["plan"] = Plan(price.Json),
        ["price"] = price.Snapshot(),
        ["quantity"] = quantity,
        ["subscription"] = subscriptionId,
        ["tax_rates"] = new JsonArray(),
    };

    /// <summary>The legacy <c>plan</c> view of a recurring price that Stripe still puts on subscription items.</summary>
    public static JsonObject Plan(JsonObject price) => new()
    {
        ["id"] = price["id"]!.GetValue<string>(),
        ["object"] = "plan",
        ["active"] = price["active"]!.GetValue<bool>(),
        ["amount"] = price["unit_amount"]?.AsLong(),
        ["amount_decimal"] = price["unit_amount_decimal"]?.GetValue<string>(),
        ["billing_scheme"] = "per_unit",
        ["created"] = price["created"]!.AsLong(),
        ["currency"] = price["currency"]!.GetValue<string>(),
        ["interval"] = price["recurring"]!["interval"]!.GetValue<string>(),
        ["interval_count"] = price["recurring"]!["interval_count"]!.AsLong(),
        ["livemode"] = false,
        ["metadata"] = price["metadata"]!.DeepClone(),
        ["meter"] = null,
        ["nickname"] = price["nickname"]?.GetValue<string>(),
        ["product"] = price["product"]!.GetValue<string>(),
        ["tiers_mode"] = null,
        ["transform_usage"] = null,
        ["trial_period_days"] = null,
        ["usage_type"] = "licensed",
    };

    private static void Renew(OperationContext ctx, Resource subscription, long periodStart)
    {
        var lines = new List<InvoiceLine>();
        var invoiceId = Ids.New("in_", 24);
        ctx.Update(subscription, "customer.subscription.updated", json =>
        {
            json["latest_invoice"] = invoiceId;
            foreach (var item in json["items"]!["data"]!.AsArray())
            {
                var recurring = item!["price"]!["recurring"]!;
                var end = Periods.Add(periodStart, recurring["interval"]!.GetValue<string>(), recurring["interval_count"]!.AsLong());
                item["current_period_start"] = periodStart;
                item["current_period_end"] = end;
                var quantity = item["quantity"]!.AsLong();
                var priceId = item["price"]!["id"]!.GetValue<string>();
                var price = ctx.State.Find(priceId)!;
                lines.Add(new InvoiceLine(priceId, item["price"]!["product"]!.GetValue<string>(), item["id"]!.GetValue<string>(),
                    quantity, item["price"]!["unit_amount"]!.AsLong() * quantity, Describe(ctx, price, quantity, false),
                    periodStart, end, false));
            }
            if (json["status"]!.GetValue<string>() == "trialing") json["status"] = "active";
        });
        lines.InsertRange(0, PendingProrations.Take(subscription));
        var invoice = Invoicing.Create(ctx, subscription, "subscription_cycle", lines, invoiceId);
        Invoicing.FinalizeInvoice(ctx, invoice);
        var paid = Invoicing.Pay(ctx, invoice, TestCards.RenewalSucceeds(subscription.Internal.GetValueOrDefault("card")));
        var target = paid ? "active" : "past_due";
        if (subscription.Str("status") != target)
            ctx.Update(subscription, "customer.subscription.updated", json => json["status"] = target);
    }
}
