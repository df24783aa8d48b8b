using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.Resources.Customers;
using Marketplace.StripeEmulator.Resources.Prices;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Checkout;

/// <summary>
/// <c>POST /v1/checkout/sessions</c> (https://docs.stripe.com/api/checkout/sessions/create): validates mode, line items
/// (existing active prices or <c>price_data</c>), currencies and URLs before anything is stored; <c>price_data</c>
/// creates its price (and product) only once the whole request is valid.
/// </summary>
internal static partial class CheckoutSessionsApi
{
    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var mode = p.Enum("mode", "payment", "subscription", "setup") ?? throw StripeApiException.Missing("mode");
        if (mode == "setup") throw StripeApiException.Invalid("mode", "The emulator supports `payment` and `subscription` mode only.");
        var successUrl = p.Str("success_url");
        var cancelUrl = p.Str("cancel_url");
        var customerId = p.Str("customer");
        var customerEmail = p.Str("customer_email");
        var clientReferenceId = p.Str("client_reference_id");
        var metadata = p.Map("metadata", out _);
        var expiresAt = p.Long("expires_at");
        p.Bool("allow_promotion_codes");
        var locale = p.Enum("locale", PaymentModeRules.Locales);
        p.Str("billing_address_collection");
        var customerCreation = p.Enum("customer_creation", "always", "if_required");
        p.Str("ui_mode");
        p.StrList("payment_method_types");
        // Accepted and ignored (no tax, consent, phone or tax-id collection in the emulator's Checkout).
        p.Enum("payment_method_collection", "always", "if_required");
        p.Obj("automatic_tax")?.Bool("enabled");
        p.Obj("invoice_creation")?.Bool("enabled");
        p.Obj("phone_number_collection")?.Bool("enabled");
        p.Obj("tax_id_collection")?.Bool("enabled");
        p.Obj("consent_collection")?.Str("terms_of_service");
        var subscriptionData = p.Obj("subscription_data");
        var subscription = ReadSubscriptionData(subscriptionData);
        var paymentIntentData = p.Obj("payment_intent_data");
        var intentData = PaymentModeRules.Read(paymentIntentData);
        var lineParams = p.ObjList("line_items");
        var lineRequests = new List<(StripeParams Line, string? PriceId, long Quantity, StripeParams? PriceData)>();
        foreach (var line in lineParams ?? [])
        {
            var priceId = line.Str("price");
            var quantity = line.Long("quantity") ?? 1;
            var priceData = line.Obj("price_data");
            if (priceData is not null) priceData.Node.Deferred = true;
            lineRequests.Add((line, priceId, quantity, priceData));
        }
        if (successUrl is null) throw StripeApiException.Missing("success_url");
        if (lineRequests.Count == 0) throw StripeApiException.Missing("line_items");
        if (customerId is not null && customerEmail is not null)
            throw StripeApiException.Invalid("customer_email", "You may only specify one of these parameters: customer, customer_email.");
        if (mode == "payment" && subscriptionData is not null)
            throw StripeApiException.Invalid("subscription_data", "You can not pass `subscription_data` in `payment` mode.");
        if (mode == "subscription" && paymentIntentData is not null)
            throw StripeApiException.Invalid("payment_intent_data", "You can not pass `payment_intent_data` in `subscription` mode.");
        if (mode == "subscription" && customerCreation is not null)
            throw StripeApiException.Invalid("customer_creation", "`customer_creation` can only be used in `payment` mode.");
        if (customerId is not null && customerCreation is not null)
            throw StripeApiException.Invalid("customer_creation", "You may only specify one of these parameters: customer, customer_creation.");
        if (customerId is not null) CustomersApi.Find(ctx, customerId, "customer");
        if (expiresAt is long expiry)
            PaymentModeRules.CheckExpiry(expiry, PaymentModeRules.ExpiryNow(ctx));

        // price_data hashes are validated (RejectUnknown) when they are read, so read them before the final check.
        var resolved = new List<(Resource Price, long Quantity)>();
        for (var i = 0; i < lineRequests.Count; i++)
        {
            var (_, priceId, quantity, priceData) = lineRequests[i];
            if (priceId is null && priceData is null) throw StripeApiException.Missing($"line_items[{i}][price]");
            if (quantity < 1) throw StripeApiException.Invalid($"line_items[{i}][quantity]", "Quantity must be at least 1.");
            if (priceData is not null) { resolved.Add((default!, quantity)); continue; }
            var price = PricesApi.Find(ctx, priceId!, $"line_items[{i}][price]");
            if (!price.Json["active"]!.GetValue<bool>())
                throw StripeApiException.Invalid($"line_items[{i}][price]", $"The price specified ({price.Id}) is inactive. This field only accepts active prices.");
            resolved.Add((price, quantity));
        }
        p.RejectUnknown();
        if (mode == "payment")
        {
            var amounts = lineRequests.Select((l, i) => l.PriceData is { } d
                ? (PaymentModeRules.RawCurrency(d), PaymentModeRules.RawUnitAmount(d) * l.Quantity)
                : (resolved[i].Price.Str("currency"), PricesApi.UnitAmount(resolved[i].Price) * l.Quantity)).ToList();
            PaymentModeRules.Check(ctx, intentData, amounts[0].Item1, amounts.Sum(a => a.Item2));
        }
        for (var i = 0; i < lineRequests.Count; i++)
            if (lineRequests[i].PriceData is { } data)
                resolved[i] = (PricesApi.CreateFrom(ctx, data, allowLookupKey: false), resolved[i].Quantity);

        var currency = resolved[0].Price.Str("currency");
        for (var i = 0; i < resolved.Count; i++)
        {
            var price = resolved[i].Price;
            var param = $"line_items[{i}][price]";
            if (price.Str("currency") != currency) throw StripeApiException.Invalid(param, "All line items must use the same currency.");
            if (mode == "payment" && PricesApi.IsRecurring(price))
                throw StripeApiException.Invalid(param, "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.");
        }
        if (mode == "subscription" && !resolved.Any(x => PricesApi.IsRecurring(x.Price)))
            throw StripeApiException.Invalid("line_items", "You must provide at least one recurring price in `subscription` mode when using prices.");
        if (mode == "subscription" && resolved.Any(x => !PricesApi.IsRecurring(x.Price)))
            throw StripeApiException.Invalid("line_items", "The emulator does not support one-time prices in `subscription` mode.");

        var total = resolved.Sum(x => PricesApi.UnitAmount(x.Price) * x.Quantity);
        var id = Ids.New("cs_test_", 58);
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["after_expiration"] = null,
            ["allow_promotion_codes"] = null,
            ["amount_subtotal"] = total,
            ["amount_total"] = total,
            ["automatic_tax"] = new JsonObject { ["enabled"] = false, ["liability"] = null, ["status"] = null },
            ["billing_address_collection"] = null,
            ["cancel_url"] = cancelUrl,
            ["client_reference_id"] = clientReferenceId,
            ["client_secret"] = null,
            ["created"] = ctx.Now,
            ["currency"] = currency,
            ["customer"] = customerId,
            ["customer_creation"] = customerId is not null ? null : mode == "payment" ? customerCreation ?? "if_required" : "always",
            ["customer_details"] = customerEmail is null ? null : new JsonObject { ["email"] = customerEmail },
            ["customer_email"] = customerEmail,
            ["expires_at"] = expiresAt ?? PaymentModeRules.ExpiryNow(ctx) + 86_400,
            ["invoice"] = null,
            ["livemode"] = false,
            ["locale"] = locale,
            ["metadata"] = Json.Metadata(metadata),
            ["mode"] = mode,
            ["payment_intent"] = null,
            ["payment_link"] = null,
            ["payment_method_collection"] = mode == "subscription" ? "always" : null,
            ["payment_method_types"] = Json.Strings(["card"]),
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["recovered_from"] = null,
            ["setup_intent"] = null,
            ["shipping_options"] = new JsonArray(),
            ["subscription"] = null,
            ["success_url"] = successUrl,
            ["total_details"] = new JsonObject { ["amount_discount"] = 0, ["amount_shipping"] = 0, ["amount_tax"] = 0 },
            ["ui_mode"] = "hosted",
            ["url"] = $"{ctx.BaseUrl}/c/pay/{id}",
        };
        var session = ctx.State.Add(id, ObjectType, ctx.Account, json);
        session.Internal["line_items"] = JsonSerializer.Serialize(resolved.Select(x => new StoredLine(Ids.New("li_", 24), x.Price.Id, x.Quantity)).ToList());
        if (subscription is not null) session.Internal["subscription_data"] = subscription.ToJsonString();
        if (mode == "payment") CheckoutPayment.Keep(session, intentData);
        ctx.Emulator.Store.RegisterHosted(ctx.State, id);
        return session.Snapshot();
    }

    private static JsonObject? ReadSubscriptionData(StripeParams? data)
    {
        if (data is null) return null;
        var metadata = data.Map("metadata", out _);
        var trial = data.Long("trial_period_days");
        if (trial is < 1 or > 730) throw StripeApiException.Invalid("subscription_data[trial_period_days]", "trial_period_days must be between 1 and 730.");
        var fee = data.Decimal("application_fee_percent");
        var destination = data.Obj("transfer_data")?.Str("destination");
        var onBehalfOf = data.Str("on_behalf_of");
        var description = data.Str("description");
        return new JsonObject
        {
            ["metadata"] = Json.Metadata(metadata),
            ["trial_period_days"] = trial,
            ["application_fee_percent"] = fee,
            ["transfer_destination"] = destination,
            ["on_behalf_of"] = onBehalfOf,
            ["description"] = description,
        };
    }
}
