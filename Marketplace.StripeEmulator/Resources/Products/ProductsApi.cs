using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Products;

/// <summary>
/// Products (https://docs.stripe.com/api/products): create (<c>name</c> required, optional custom <c>id</c>), retrieve,
/// update, list (<c>active</c>, <c>ids[]</c>), search. Emits <c>product.created</c> / <c>product.updated</c>.
/// </summary>
internal static class ProductsApi
{
    public const string ObjectType = "product";
    private static readonly HashSet<string> SearchFields = ["active", "description", "name", "url", "shippable", "created"];

    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("POST", "/v1/products", Create);
        r.MapStripe("GET", "/v1/products", List);
        r.MapStripe("GET", "/v1/products/search", ctx => Search.Run(ctx, ObjectType, SearchFields, "/v1/products/search"));
        r.MapStripe("GET", "/v1/products/{id}", ctx => { ctx.Params.RejectUnknown(); return Find(ctx, ctx.Id).Snapshot(); });
        r.MapStripe("POST", "/v1/products/{id}", Update);
    }

    public static Resource Find(OperationContext ctx, string id, string param = "id") =>
        ctx.State.Get(id, ObjectType, ctx.Account, "product", param);

    /// <summary>Creates a product and emits <c>product.created</c> (also used for <c>product_data</c>, whose <c>images[]</c> it keeps).</summary>
    public static Resource CreateProduct(OperationContext ctx, string? id, string name, bool active, string? description,
        Dictionary<string, string>? metadata, IReadOnlyList<string>? images = null)
    {
        id = string.IsNullOrEmpty(id) ? Ids.New("prod_", 14) : id;
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["active"] = active,
            ["created"] = ctx.Now,
            ["default_price"] = null,
            ["description"] = description,
            ["images"] = new JsonArray([.. (images ?? []).Select(i => (JsonNode?)JsonValue.Create(i))]),
            ["livemode"] = false,
            ["marketing_features"] = new JsonArray(),
            ["metadata"] = Json.Metadata(metadata),
            ["name"] = name,
            ["package_dimensions"] = null,
            ["shippable"] = null,
            ["statement_descriptor"] = null,
            ["tax_code"] = null,
            ["type"] = "service",
            ["unit_label"] = null,
            ["updated"] = ctx.Now,
            ["url"] = null,
        };
        var product = ctx.State.Add(id, ObjectType, ctx.Account, json);
        ctx.Emit("product.created", product);
        return product;
    }

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var id = p.Str("id");
        var name = p.RequiredStr("name");
        var active = p.Bool("active") ?? true;
        var description = p.Str("description");
        var metadata = p.Map("metadata", out _);
        var images = p.StrList("images");
        var url = p.Str("url");
        var unitLabel = p.Str("unit_label");
        var statementDescriptor = p.Str("statement_descriptor");
        var taxCode = p.Str("tax_code");
        p.RejectUnknown();
        var product = CreateProduct(ctx, id, name, active, description, metadata);
        if (images is not null) product.Json["images"] = Json.Strings(images);
        product.Json["url"] = url;
        product.Json["unit_label"] = unitLabel;
        product.Json["statement_descriptor"] = statementDescriptor;
        product.Json["tax_code"] = taxCode;
        return product.Snapshot();
    }

    private static JsonNode Update(ApiContext ctx)
    {
        var p = ctx.Params;
        var name = p.Str("name");
        var active = p.Bool("active");
        var description = p.Str("description");
        var metadata = p.Map("metadata", out var clear);
        var images = p.StrList("images");
        var url = p.Str("url");
        var defaultPrice = p.Str("default_price");
        p.RejectUnknown();
        var product = Find(ctx, ctx.Id);
        if (!string.IsNullOrEmpty(defaultPrice)) ctx.State.Get(defaultPrice, "price", ctx.Account, "price", "default_price");
        ctx.Update(product, "product.updated", json =>
        {
            if (name is not null) json["name"] = name;
            if (active is not null) json["active"] = active;
            if (description is not null) json["description"] = description.Length == 0 ? null : description;
            if (images is not null) json["images"] = Json.Strings(images);
            if (url is not null) json["url"] = url.Length == 0 ? null : url;
            if (defaultPrice is not null) json["default_price"] = defaultPrice.Length == 0 ? null : defaultPrice;
            Json.MergeMetadata(json, metadata, clear);
        });
        product.Json["updated"] = ctx.Now;
        return product.Snapshot();
    }

    private static JsonNode List(ApiContext ctx)
    {
        var active = ctx.Params.Bool("active");
        var ids = ctx.Params.StrList("ids");
        var items = ctx.State.OfType(ObjectType, ctx.Account)
            .Where(x => active is null || x.Json["active"]!.GetValue<bool>() == active)
            .Where(x => ids is null || ids.Contains(x.Id));
        var page = Lists.Page(ctx, items, "/v1/products");
        ctx.Params.RejectUnknown();
        return page;
    }
}
