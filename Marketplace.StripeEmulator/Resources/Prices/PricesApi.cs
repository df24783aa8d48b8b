using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Resources.Products;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Prices;

/// <summary>
/// Prices (https://docs.stripe.com/api/prices): create (<c>currency</c>, <c>unit_amount</c> in minor units,
/// <c>product</c> or <c>product_data[name]</c>, <c>recurring[interval|interval_count]</c>, <c>lookup_key</c> with
/// <c>transfer_lookup_key</c>), retrieve, update (<c>active</c>, <c>metadata</c>, <c>lookup_key</c>, <c>nickname</c>),
/// list (<c>active</c>, <c>product</c>, <c>lookup_keys[]</c>, <c>type</c>, <c>currency</c>), search.
/// A lookup key belongs to one price: reusing it answers 400 unless <c>transfer_lookup_key=true</c>, which moves it
/// (and emits <c>price.updated</c> for the price that lost it). Emits <c>price.created</c> / <c>price.updated</c>.
/// </summary>
internal static class PricesApi
{
    public const string ObjectType = "price";
    private static readonly HashSet<string> SearchFields = ["active", "currency", "lookup_key", "product", "type", "created"];

    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("POST", "/v1/prices", Create);
        r.MapStripe("GET", "/v1/prices", List);
        r.MapStripe("GET", "/v1/prices/search", ctx => Search.Run(ctx, ObjectType, SearchFields, "/v1/prices/search"));
        r.MapStripe("GET", "/v1/prices/{id}", ctx => { ctx.Params.RejectUnknown(); return Find(ctx, ctx.Id).Snapshot(); });
        r.MapStripe("POST", "/v1/prices/{id}", Update);
    }

    public static Resource Find(OperationContext ctx, string id, string param = "id") =>
        ctx.State.Get(id, ObjectType, ctx.Account, "price", param);

    public static bool IsRecurring(Resource price) => price.Json["recurring"] is JsonObject;

    public static long UnitAmount(Resource price) => price.Json["unit_amount"]?.AsLong() ?? 0;

    /// <summary>
    /// Reads price fields shared by <c>POST /v1/prices</c> and Checkout's <c>line_items[][price_data]</c> and creates the price.
    /// </summary>
    public static Resource CreateFrom(OperationContext ctx, StripeParams p, bool allowLookupKey)
    {
        var currency = p.RequiredStr("currency").ToLowerInvariant();
        var unitAmount = p.Long("unit_amount");
        var unitAmountDecimal = p.Decimal("unit_amount_decimal");
        var productId = p.Str("product");
        var productData = p.Obj("product_data");
        var productName = productData?.RequiredStr("name");
        var productMetadata = productData?.Map("metadata", out _);
        var productDescription = productData?.Str("description");
        var productImages = productData?.StrList("images");
        var recurring = p.Obj("recurring");
        var interval = recurring?.Enum("interval", "day", "week", "month", "year");
        var intervalCount = recurring?.Long("interval_count") ?? 1;
        var usageType = recurring?.Enum("usage_type", "licensed", "metered");
        if (recurring is not null && interval is null) throw StripeApiException.Missing("recurring[interval]");
        var nickname = allowLookupKey ? p.Str("nickname") : null;
        var lookupKey = allowLookupKey ? p.Str("lookup_key") : null;
        var transfer = allowLookupKey ? p.Bool("transfer_lookup_key") ?? false : false;
        var metadata = allowLookupKey ? p.Map("metadata", out _) : null;
        var active = allowLookupKey ? p.Bool("active") ?? true : true;
        var taxBehavior = p.Enum("tax_behavior", "exclusive", "inclusive", "unspecified");
        p.RejectUnknown();
        if (unitAmount is null && unitAmountDecimal is null) throw StripeApiException.Missing("unit_amount");
        if (unitAmount < 0) throw StripeApiException.Invalid("unit_amount", "This value must be greater than or equal to 0.");
        if (productId is null && productName is null) throw StripeApiException.Missing("product");
        if (productImages is { Count: > 8 }) throw StripeApiException.Invalid("product_data[images]", "A product has at most 8 images.");
        if (productId is not null) ProductsApi.Find(ctx, productId, "product");
        if (!string.IsNullOrEmpty(lookupKey)) ClaimLookupKey(ctx, lookupKey, transfer);

        productId ??= ProductsApi.CreateProduct(ctx, null, productName!, true, productDescription, productMetadata, productImages).Id;
        var amount = unitAmount ?? (long)Math.Round(unitAmountDecimal!.Value);
        var id = Ids.New("price_", 24);
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["active"] = active,
            ["billing_scheme"] = "per_unit",
            ["created"] = ctx.Now,
            ["currency"] = currency,
            ["custom_unit_amount"] = null,
            ["livemode"] = false,
            ["lookup_key"] = string.IsNullOrEmpty(lookupKey) ? null : lookupKey,
            ["metadata"] = Json.Metadata(metadata),
            ["nickname"] = nickname,
            ["product"] = productId,
            ["recurring"] = interval is null ? null : new JsonObject
            {
                ["interval"] = interval,
                ["interval_count"] = intervalCount,
                ["meter"] = null,
                ["trial_period_days"] = null,
                ["usage_type"] = usageType ?? "licensed",
            },
            ["tax_behavior"] = taxBehavior ?? "unspecified",
            ["tiers_mode"] = null,
            ["transform_quantity"] = null,
            ["type"] = interval is null ? "one_time" : "recurring",
            ["unit_amount"] = amount,
            ["unit_amount_decimal"] = (unitAmountDecimal ?? amount).ToString(CultureInfo.InvariantCulture),
        };
        var price = ctx.State.Add(id, ObjectType, ctx.Account, json);
        ctx.Emit("price.created", price);
        return price;
    }

    private static JsonNode Create(ApiContext ctx) => CreateFrom(ctx, ctx.Params, allowLookupKey: true).Snapshot();

    private static JsonNode Update(ApiContext ctx)
    {
        var p = ctx.Params;
        var active = p.Bool("active");
        var metadata = p.Map("metadata", out var clear);
        var lookupKey = p.Str("lookup_key");
        var transfer = p.Bool("transfer_lookup_key") ?? false;
        var nickname = p.Str("nickname");
        var taxBehavior = p.Enum("tax_behavior", "exclusive", "inclusive", "unspecified");
        p.RejectUnknown();
        var price = Find(ctx, ctx.Id);
        if (!string.IsNullOrEmpty(lookupKey) && price.Str("lookup_key") != lookupKey) ClaimLookupKey(ctx, lookupKey, transfer);
        ctx.Update(price, "price.updated", json =>
        {
            if (active is not null) json["active"] = active;
            if (lookupKey is not null) json["lookup_key"] = lookupKey.Length == 0 ? null : lookupKey;
            if (nickname is not null) json["nickname"] = nickname.Length == 0 ? null : nickname;
            if (taxBehavior is not null) json["tax_behavior"] = taxBehavior;
            Json.MergeMetadata(json, metadata, clear);
        });
        return price.Snapshot();
    }

    private static JsonNode List(ApiContext ctx)
    {
        var p = ctx.Params;
        var active = p.Bool("active");
        var product = p.Str("product");
        var lookupKeys = p.StrList("lookup_keys");
        var type = p.Enum("type", "one_time", "recurring");
        var currency = p.Str("currency");
        var interval = p.Obj("recurring")?.Str("interval");
        var items = ctx.State.OfType(ObjectType, ctx.Account)
            .Where(x => active is null || x.Json["active"]!.GetValue<bool>() == active)
            .Where(x => product is null || x.Str("product") == product)
            .Where(x => lookupKeys is null || lookupKeys.Contains(x.Str("lookup_key") ?? "\0"))
            .Where(x => type is null || x.Str("type") == type)
            .Where(x => currency is null || x.Str("currency") == currency)
            .Where(x => interval is null || x.Json["recurring"]?["interval"]?.GetValue<string>() == interval);
        var page = Lists.Page(ctx, items, "/v1/prices");
        p.RejectUnknown();
        return page;
    }

    private static void ClaimLookupKey(OperationContext ctx, string lookupKey, bool transfer)
    {
        var holder = ctx.State.OfType(ObjectType, ctx.Account).FirstOrDefault(x => x.Str("lookup_key") == lookupKey);
        if (holder is null) return;
        if (!transfer)
            throw StripeApiException.Invalid("lookup_key",
                $"A price (`{holder.Id}`) already uses that lookup key. Pass `transfer_lookup_key=true` to move it.");
        ctx.Update(holder, "price.updated", json => json["lookup_key"] = null);
    }
}
