using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Customers;

/// <summary>
/// Customers (https://docs.stripe.com/api/customers): create, retrieve, update, list (<c>email</c> filter), search.
/// Emits <c>customer.created</c> / <c>customer.updated</c>.
/// </summary>
internal static class CustomersApi
{
    public const string ObjectType = "customer";
    private static readonly HashSet<string> SearchFields = ["email", "name", "phone", "created"];

    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("POST", "/v1/customers", Create);
        r.MapStripe("GET", "/v1/customers", List);
        r.MapStripe("GET", "/v1/customers/search", ctx => Search.Run(ctx, ObjectType, SearchFields, "/v1/customers/search"));
        r.MapStripe("GET", "/v1/customers/{id}", ctx => { ctx.Params.RejectUnknown(); return Find(ctx, ctx.Id).Snapshot(); });
        r.MapStripe("POST", "/v1/customers/{id}", Update);
    }

    public static Resource Find(OperationContext ctx, string id, string param = "id") =>
        ctx.State.Get(id, ObjectType, ctx.Account, "customer", param);

    /// <summary>Creates a customer and emits <c>customer.created</c> (used by the API and by Checkout).</summary>
    public static Resource CreateCustomer(OperationContext ctx, string? email, string? name, string? description,
        string? phone, Dictionary<string, string>? metadata)
    {
        var id = Ids.New("cus_", 14);
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["address"] = null,
            ["balance"] = 0,
            ["created"] = ctx.Now,
            ["currency"] = null,
            ["default_source"] = null,
            ["delinquent"] = false,
            ["description"] = description,
            ["discount"] = null,
            ["email"] = email,
            ["invoice_prefix"] = Ids.New("", 8).ToUpperInvariant(),
            ["invoice_settings"] = new JsonObject
            {
                ["custom_fields"] = null, ["default_payment_method"] = null, ["footer"] = null, ["rendering_options"] = null,
            },
            ["livemode"] = false,
            ["metadata"] = Json.Metadata(metadata),
            ["name"] = name,
            ["next_invoice_sequence"] = 1,
            ["phone"] = phone,
            ["preferred_locales"] = new JsonArray(),
            ["shipping"] = null,
            ["tax_exempt"] = "none",
            ["test_clock"] = null,
        };
        var customer = ctx.State.Add(id, ObjectType, ctx.Account, json);
        ctx.Emit("customer.created", customer);
        return customer;
    }

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var email = p.Str("email");
        var name = p.Str("name");
        var description = p.Str("description");
        var phone = p.Str("phone");
        var metadata = p.Map("metadata", out _);
        p.StrList("preferred_locales");
        p.RejectUnknown();
        return CreateCustomer(ctx, email, name, description, phone, metadata).Snapshot();
    }

    private static JsonNode Update(ApiContext ctx)
    {
        var p = ctx.Params;
        var email = p.Str("email");
        var name = p.Str("name");
        var description = p.Str("description");
        var phone = p.Str("phone");
        var metadata = p.Map("metadata", out var clear);
        var defaultPm = p.Obj("invoice_settings")?.Str("default_payment_method");
        p.RejectUnknown();
        var customer = Find(ctx, ctx.Id);
        ctx.Update(customer, "customer.updated", json =>
        {
            if (email is not null) json["email"] = email.Length == 0 ? null : email;
            if (name is not null) json["name"] = name.Length == 0 ? null : name;
            if (description is not null) json["description"] = description.Length == 0 ? null : description;
            if (phone is not null) json["phone"] = phone.Length == 0 ? null : phone;
            if (defaultPm is not null) json["invoice_settings"]!["default_payment_method"] = defaultPm;
            Json.MergeMetadata(json, metadata, clear);
        });
        return customer.Snapshot();
    }

    private static JsonNode List(ApiContext ctx)
    {
        var email = ctx.Params.Str("email");
        var items = ctx.State.OfType(ObjectType, ctx.Account)
            .Where(c => email is null || string.Equals(c.Str("email"), email, StringComparison.OrdinalIgnoreCase));
        var page = Lists.Page(ctx, items, "/v1/customers");
        ctx.Params.RejectUnknown();
        return page;
    }
}
