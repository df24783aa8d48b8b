using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.PaymentIntents;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Billing;

/// <summary>
/// The money of a paid subscription invoice (amount &gt; 0), as Stripe moves it
/// (https://docs.stripe.com/connect/subscriptions, https://docs.stripe.com/api/invoice-payment/object): a PaymentIntent
/// for <c>amount_due</c> (<c>payment_intent.created</c>), its card charge and the platform's <c>charge</c> balance
/// transaction (<c>charge.succeeded</c>), the PaymentIntent <c>succeeded</c> (<c>payment_intent.succeeded</c>) and an
/// <c>invoice_payment</c> (<c>inpay_…</c>, <c>payment.payment_intent</c>) linking it to the invoice. When the subscription
/// has <c>transfer_data[destination]</c>, the charge is a destination charge: the transfer of the full amount
/// (<c>transfer.created</c>) and, with <c>application_fee_percent</c>, the application fee
/// (<c>application_fee.created</c>) of <see cref="ApplicationFee"/>. All of them are platform objects and events.
/// Caller holds the key's lock.
/// </summary>
internal static class InvoiceCharging
{
    /// <summary>The <c>invoice_payment</c> object type.</summary>
    public const string PaymentObjectType = "invoice_payment";

    /// <summary>
    /// The application fee Stripe takes from an invoice of <paramref name="total"/> (minor units) at
    /// <paramref name="percent"/> (0–100, two decimals): "the percentage of the subscription invoice total that will be
    /// transferred to the application owner's Stripe account" (Subscription object, <c>application_fee_percent</c>).
    /// Stripe's reference does not state the rounding; the emulator rounds half away from zero to the minor unit, as
    /// its fee model does (500 at 10 % → 50; 999 at 12.5 % → 125).
    /// </summary>
    public static long ApplicationFee(long total, decimal percent) =>
        (long)Math.Round(total * percent / 100m, MidpointRounding.AwayFromZero);

    /// <summary>Charges <paramref name="invoice"/> of <paramref name="subscription"/> with the subscription's card; returns the PaymentIntent.</summary>
    public static Resource Charge(OperationContext ctx, Resource invoice, Resource subscription)
    {
        ctx.State.EnsureRoom(10);
        var amount = invoice.Json["amount_due"]!.AsLong();
        var currency = invoice.Str("currency")!;
        var destination = subscription.Json["transfer_data"]?["destination"]?.GetValue<string>();
        var percent = subscription.Json["application_fee_percent"]?.GetValue<decimal>();
        long? fee = destination is not null && percent is > 0 ? ApplicationFee(amount, percent.Value) : null;
        var data = new PaymentIntentData(fee, destination, subscription.Str("on_behalf_of"), null,
            $"Subscription {(invoice.Str("billing_reason") == "subscription_create" ? "creation" : "update")}", null, null, null, null);
        var id = Ids.New("pi_");
        var json = PaymentIntentsApi.New(id, amount, currency, data, ctx.Now);
        json["customer"] = invoice.Str("customer");
        json["payment_method"] = subscription.Str("default_payment_method") ?? Ids.New("pm_");
        var intent = ctx.State.Add(id, PaymentIntentsApi.ObjectType, null, json);
        ctx.Emit("payment_intent.created", intent);

        var before = intent.Snapshot();
        var card = subscription.Internal.GetValueOrDefault("card") ?? "4242424242424242";
        var charge = CheckoutPayment.CreateCharge(ctx, intent, card, invoice.Str("customer_email"), null);
        intent.Json["latest_charge"] = charge.Id;
        var transfer = destination is null ? null : CheckoutPayment.CreateTransfer(ctx, charge, destination);
        var feeObject = transfer is null || fee is not > 0 ? null : CheckoutPayment.CreateApplicationFee(ctx, charge, transfer, fee.Value);
        intent.Json["status"] = "succeeded";
        intent.Json["amount_received"] = amount;
        ctx.Emit("charge.succeeded", charge);
        ctx.Emit("payment_intent.succeeded", intent, JsonDiff.PreviousAttributes(before, intent.Json));
        if (transfer is not null) ctx.Emit("transfer.created", transfer);
        if (feeObject is not null) ctx.Emit("application_fee.created", feeObject);
        AddInvoicePayment(ctx, invoice, intent, amount, currency);
        return intent;
    }

    private static void AddInvoicePayment(OperationContext ctx, Resource invoice, Resource intent, long amount, string currency)
    {
        var id = Ids.New("inpay_", 24);
        ctx.State.Add(id, PaymentObjectType, invoice.Account, new JsonObject
        {
            ["id"] = id,
            ["object"] = PaymentObjectType,
            ["amount_paid"] = amount,
            ["amount_requested"] = amount,
            ["created"] = ctx.Now,
            ["currency"] = currency,
            ["invoice"] = invoice.Id,
            ["is_default"] = true,
            ["livemode"] = false,
            ["payment"] = new JsonObject { ["payment_intent"] = intent.Id, ["type"] = "payment_intent" },
            ["status"] = "paid",
            ["status_transitions"] = new JsonObject { ["canceled_at"] = null, ["paid_at"] = ctx.Now },
        });
    }
}
