using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// Retrieve and list for objects the API does not create directly (PaymentIntents and Charges from Checkout, balance
/// transactions, transfers, application fees, …): <c>GET {path}/{id}</c> (404 <c>resource_missing</c> for another
/// account's or an unknown id) and <c>GET {path}</c> with Stripe's pagination and equality filters on the named fields.
/// Objects live on the account of <c>Stripe-Account</c> (null: the platform).
/// </summary>
internal static class ReadOnlyResource
{
    public static void MapRetrieveAndList(IEndpointRouteBuilder r, string path, string objectType, params string[] filters)
    {
        r.MapStripe("GET", path, ctx => List(ctx, path, objectType, filters));
        r.MapStripe("GET", path + "/{id}", ctx =>
        {
            ctx.Params.RejectUnknown();
            return ctx.State.Get(ctx.Id, objectType, ctx.Account, objectType).Snapshot();
        });
    }

    /// <summary>
    /// Lists and retrieves the children of one object (a transfer's reversals, an application fee's refunds):
    /// <c>GET {parentPath}/{id}/{childSegment}</c> and <c>GET {parentPath}/{id}/{childSegment}/{child}</c>; a child belongs to
    /// its parent when its <paramref name="parentField"/> is the parent's id (404 otherwise).
    /// </summary>
    public static void MapChildren(IEndpointRouteBuilder r, string parentPath, string parentType, string childSegment,
        string childType, string parentField)
    {
        r.MapStripe("GET", $"{parentPath}/{{id}}/{childSegment}", ctx =>
        {
            var parent = ctx.State.Get(ctx.Id, parentType, ctx.Account, parentType);
            var page = Lists.Page(ctx, ctx.State.OfType(childType, ctx.Account).Where(x => x.Str(parentField) == parent.Id),
                $"{parentPath}/{parent.Id}/{childSegment}");
            ctx.Params.RejectUnknown();
            return page;
        });
        r.MapStripe("GET", $"{parentPath}/{{id}}/{childSegment}/{{child}}", ctx =>
        {
            ctx.Params.RejectUnknown();
            var parent = ctx.State.Get(ctx.Id, parentType, ctx.Account, parentType);
            var id = ctx.Http.Request.RouteValues["child"]?.ToString() ?? "";
            var child = ctx.State.Get(id, childType, ctx.Account, childType);
            if (child.Str(parentField) != parent.Id) throw StripeApiException.NotFound(childType, id);
            return child.Snapshot();
        });
    }

    private static JsonNode List(ApiContext ctx, string path, string objectType, string[] filters)
    {
        var wanted = filters.Select(f => (Field: f, Value: ctx.Params.Str(f))).Where(f => f.Value is not null).ToList();
        var items = ctx.State.OfType(objectType, ctx.Account).Where(x => wanted.All(f => x.Str(f.Field) == f.Value));
        var page = Lists.Page(ctx, items, path);
        ctx.Params.RejectUnknown();
        return page;
    }
}
