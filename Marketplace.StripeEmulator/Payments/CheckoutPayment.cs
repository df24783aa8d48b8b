using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Billing;
using Marketplace.StripeEmulator.Resources.ApplicationFees;
using Marketplace.StripeEmulator.Resources.Charges;
using Marketplace.StripeEmulator.Resources.Customers;
using Marketplace.StripeEmulator.Resources.PaymentIntents;
using Marketplace.StripeEmulator.Resources.Transfers;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Payments;

/// <summary>
/// Paying a <c>payment</c>-mode Checkout Session on the hosted page, as Stripe does for a destination charge
/// (https://docs.stripe.com/connect/destination-charges). The first attempt creates the PaymentIntent
/// (<c>payment_intent.created</c>); each attempt creates a card charge. A declined card (0002, 9995) leaves the charge
/// <c>failed</c> and the PaymentIntent <c>requires_payment_method</c> with <c>last_payment_error</c>
/// (<c>charge.failed</c>, <c>payment_intent.payment_failed</c>); the session stays open for another attempt.
/// A successful one, in this order of objects and events:
/// the customer when <c>customer_creation=always</c> (<c>customer.created</c>); the charge and the platform's
/// <c>charge</c> balance transaction (amount, Stripe's fee from <see cref="FeeModel"/>, net) (<c>charge.succeeded</c>);
/// the PaymentIntent <c>succeeded</c> (<c>payment_intent.succeeded</c>); with <c>transfer_data[destination]</c>, the
/// transfer of the full amount (<c>transfer</c> balance transaction on the platform, a <c>py_…</c> payment and its
/// <c>payment</c> balance transaction on the connected account, fee = the application fee) (<c>transfer.created</c>);
/// with <c>application_fee_amount</c>, the application fee (<c>application_fee</c> balance transaction on the platform)
/// (<c>application_fee.created</c>); then the session completes (<c>checkout.session.completed</c>).
/// All of these are platform events. With the 0259 card the charge is then disputed (<see cref="Disputing.Open"/>).
/// Caller holds the key's lock.
/// </summary>
internal static class CheckoutPayment
{
    /// <summary>Pays <paramref name="session"/> with <paramref name="card"/> (digits); returns null on success, else the decline.</summary>
    public static ChargeObjects.Decline? Pay(OperationContext ctx, Resource session, string card, string? formEmail)
    {
        ctx.State.EnsureRoom(12);
        var data = ReadData(session);
        var existingCustomer = session.Str("customer") is { } cid ? ctx.State.Find(cid) : null;
        var email = session.Str("customer_email") ?? existingCustomer?.Str("email") ?? formEmail;
        var decline = TestCards.Classify(card) switch
        {
            CardBehavior.Declined => ChargeObjects.GenericDecline,
            CardBehavior.InsufficientFunds => ChargeObjects.InsufficientFunds,
            _ => null,
        };

        var customer = existingCustomer;
        if (decline is null && customer is null && session.Str("customer_creation") == "always")
            customer = CustomersApi.CreateCustomer(ctx, email, null, null, null, null);
        if (customer is not null) customer.Internal["card"] = card;

        var intent = session.Str("payment_intent") is { } piId ? ctx.State.Find(piId)! : CreateIntent(ctx, session, data);
        var before = intent.Snapshot();
        intent.Json["customer"] = customer?.Id;
        intent.Json["payment_method"] = Ids.New("pm_");
        var charge = CreateCharge(ctx, intent, card, email, decline);
        intent.Json["latest_charge"] = charge.Id;

        if (decline is not null)
        {
            intent.Json["last_payment_error"] = LastPaymentError(charge, decline);
            intent.Json["payment_method"] = null;
            ctx.Emit("charge.failed", charge);
            ctx.Emit("payment_intent.payment_failed", intent, JsonDiff.PreviousAttributes(before, intent.Json));
            return decline;
        }

        var transfer = data.Destination is null ? null : CreateTransfer(ctx, charge, data.Destination);
        var fee = transfer is null || data.ApplicationFeeAmount is not > 0 ? null : CreateApplicationFee(ctx, charge, transfer, data.ApplicationFeeAmount.Value);
        intent.Json["status"] = "succeeded";
        intent.Json["amount_received"] = intent.Json["amount"]!.DeepClone();
        intent.Json["last_payment_error"] = null;
        ctx.Emit("charge.succeeded", charge);
        ctx.Emit("payment_intent.succeeded", intent, JsonDiff.PreviousAttributes(before, intent.Json));
        if (transfer is not null) ctx.Emit("transfer.created", transfer);
        if (fee is not null) ctx.Emit("application_fee.created", fee);
        CheckoutCompletion.Finish(ctx, session, customer, email, "paid");
        if (TestCards.Classify(card) == CardBehavior.Disputed) Disputing.Open(ctx, charge);
        return null;
    }

    /// <summary>Stores a session's <c>payment_intent_data</c> for the payment (read back by <see cref="Pay"/>).</summary>
    public static void Keep(Resource session, PaymentIntentData data) =>
        session.Internal["payment_intent_data"] = JsonSerializer.Serialize(data);

    /// <summary>The Connect application id of the key's platform (<c>ca_…</c>, stable per key), as on destination payments and fees.</summary>
    public static string ApplicationId(KeyState state) =>
        "ca_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(state.ApiKey)))[..16];

    private static PaymentIntentData ReadData(Resource session) =>
        session.Internal.TryGetValue("payment_intent_data", out var raw)
            ? JsonSerializer.Deserialize<PaymentIntentData>(raw)!
            : new PaymentIntentData(null, null, null, null, null, null, null, null, null);

    private static Resource CreateIntent(OperationContext ctx, Resource session, PaymentIntentData data)
    {
        var id = Ids.New("pi_");
        var json = PaymentIntentsApi.New(id, session.Json["amount_total"]!.AsLong(), session.Str("currency")!, data, ctx.Now);
        var intent = ctx.State.Add(id, PaymentIntentsApi.ObjectType, session.Account, json);
        session.Json["payment_intent"] = id;
        ctx.Emit("payment_intent.created", intent);
        return intent;
    }

    /// <summary>A card charge of the intent's amount and its platform <c>charge</c> balance transaction (Stripe's fee from <see cref="FeeModel"/>).</summary>
    public static Resource CreateCharge(OperationContext ctx, Resource intent, string card, string? email, ChargeObjects.Decline? decline)
    {
        var id = Ids.New("ch_");
        var json = ChargeObjects.CardCharge(id, intent.Json, card, email, decline, $"{ctx.BaseUrl}/receipts/payment/{id}", ctx.Now);
        var charge = ctx.State.Add(id, ChargesApi.ObjectType, intent.Account, json);
        ctx.Emulator.Store.RegisterHosted(ctx.State, id);
        if (decline is not null) return charge;
        var amount = json["amount"]!.AsLong();
        var currency = json["currency"]!.GetValue<string>();
        var stripeFee = FeeModel.ProcessingFee(amount, currency);
        var transaction = Ledger.Record(ctx, intent.Account, "charge", "charge", amount, currency, id, null,
            new Ledger.FeeLine("stripe_fee", stripeFee, "Stripe processing fees"));
        json["balance_transaction"] = transaction.Id;
        return charge;
    }

    private static JsonObject LastPaymentError(Resource charge, ChargeObjects.Decline decline) => new()
    {
        ["charge"] = charge.Id,
        ["code"] = "card_declined",
        ["decline_code"] = decline.DeclineCode,
        ["doc_url"] = "https://docs.stripe.com/error-codes/card-declined",
        ["message"] = decline.Message,
        ["payment_method"] = new JsonObject { ["id"] = Ids.New("pm_"), ["object"] = "payment_method", ["type"] = "card" },
        ["type"] = "card_error",
    };

    /// <summary>
    /// The full amount to the destination: platform <c>transfer</c> debit (pending with the charge's credit, and available
    /// with it: the charge is the transfer's <c>source_transaction</c>), a <c>py_…</c> payment credited on the account.
    /// </summary>
    public static Resource CreateTransfer(OperationContext ctx, Resource charge, string destination)
    {
        var amount = charge.Json["amount"]!.AsLong();
        var currency = charge.Str("currency")!;
        var id = Ids.New("tr_");
        var paymentId = Ids.New("py_");
        var platformTxn = Ledger.Record(ctx, null, "transfer", "transfer", -amount, currency, id, null);
        if (charge.Str("balance_transaction") is { } chargeTxnId && ctx.State.Find(chargeTxnId) is { } chargeTxn)
        {
            // Funded by the charge (source_transaction): the debit is pending with the charge's credit and becomes available with it,
            // so a destination charge never makes the platform's available balance negative.
            platformTxn.Json["available_on"] = chargeTxn.Json["available_on"]!.AsLong();
            platformTxn.Json["status"] = chargeTxn.Str("status");
        }
        var payment = ctx.State.Add(paymentId, ChargesApi.ObjectType, destination,
            ChargeObjects.DestinationPayment(paymentId, amount, currency, ApplicationId(ctx.State), "", id, ctx.Now));
        var json = TransfersApi.New(id, amount, currency, destination, paymentId, platformTxn.Id, charge.Id,
            charge.Str("transfer_group"), ctx.Now);
        var transfer = ctx.State.Add(id, TransfersApi.ObjectType, null, json);
        var fee = charge.Json["application_fee_amount"]?.AsLong() ?? 0;
        var fees = fee > 0 ? new[] { new Ledger.FeeLine("application_fee", fee, "Application fee", ApplicationId(ctx.State)) } : [];
        var accountTxn = Ledger.Record(ctx, destination, "payment", "charge", amount, currency, paymentId, null, fees);
        payment.Json["balance_transaction"] = accountTxn.Id;
        charge.Json["transfer"] = id;
        return transfer;
    }

    /// <summary>The application fee of <paramref name="amount"/> on a charge and its transfer (<c>application_fee</c> balance transaction on the platform).</summary>
    public static Resource CreateApplicationFee(OperationContext ctx, Resource charge, Resource transfer, long amount)
    {
        var id = Ids.New("fee_");
        var currency = charge.Str("currency")!;
        var transaction = Ledger.Record(ctx, null, "application_fee", "platform_earning", amount, currency, id, null);
        var json = ApplicationFeesApi.New(id, amount, currency, transfer.Str("destination")!, ApplicationId(ctx.State),
            transaction.Id, transfer.Str("destination_payment")!, charge.Id, ctx.Now);
        var fee = ctx.State.Add(id, ApplicationFeesApi.ObjectType, null, json);
        charge.Json["application_fee"] = id;
        var payment = ctx.State.Find(transfer.Str("destination_payment")!)!;
        payment.Json["application_fee"] = id;
        payment.Json["application_fee_amount"] = amount;
        return fee;
    }
}
