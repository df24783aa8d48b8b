using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;
using Marketplace.StripeEmulator.Webhooks;

namespace Marketplace.StripeEmulator.Resources.WebhookEndpoints;

/// <summary>
/// Webhook endpoints (https://docs.stripe.com/api/webhook_endpoints): create (<c>url</c>, <c>enabled_events[]</c>,
/// <c>connect</c>, <c>api_version</c>, <c>description</c>, <c>metadata</c>; the <c>secret</c> is returned only here),
/// retrieve, update (<c>url</c>, <c>enabled_events[]</c>, <c>disabled</c>, <c>description</c>, <c>metadata</c>),
/// list, delete.
/// </summary>
internal static class WebhookEndpointsApi
{
    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("POST", "/v1/webhook_endpoints", Create);
        r.MapStripe("GET", "/v1/webhook_endpoints", List);
        r.MapStripe("GET", "/v1/webhook_endpoints/{id}", ctx => { ctx.Params.RejectUnknown(); return Find(ctx).Snapshot(); });
        r.MapStripe("POST", "/v1/webhook_endpoints/{id}", Update);
        r.MapStripe("DELETE", "/v1/webhook_endpoints/{id}", Delete);
    }

    private static Resource Find(ApiContext ctx) =>
        ctx.State.Get(ctx.Id, WebhookEndpointRecords.ObjectType, null, "webhook_endpoint");

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var url = p.RequiredStr("url");
        var events = p.StrList("enabled_events");
        var connect = p.Bool("connect") ?? false;
        var apiVersion = p.Str("api_version");
        var description = p.Str("description");
        var metadata = p.Map("metadata", out _);
        p.RejectUnknown();
        if (events is null || events.Count == 0) throw StripeApiException.Missing("enabled_events");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw StripeApiException.Invalid("url", $"Invalid URL: {url}");
        var endpoint = WebhookEndpointRecords.Create(ctx.State, url, events, connect, apiVersion, description, metadata);
        var json = endpoint.Snapshot();
        json["secret"] = endpoint.Internal["secret"];
        return json;
    }

    private static JsonNode Update(ApiContext ctx)
    {
        var p = ctx.Params;
        var url = p.Str("url");
        var events = p.StrList("enabled_events");
        var disabled = p.Bool("disabled");
        var description = p.Str("description");
        var metadata = p.Map("metadata", out var clear);
        p.RejectUnknown();
        var endpoint = Find(ctx);
        if (url is not null) endpoint.Json["url"] = url;
        if (events is not null) endpoint.Json["enabled_events"] = Json.Strings(events);
        if (disabled is not null) endpoint.Json["status"] = disabled.Value ? "disabled" : "enabled";
        if (description is not null) endpoint.Json["description"] = description;
        Json.MergeMetadata(endpoint.Json, metadata, clear);
        return endpoint.Snapshot();
    }

    private static JsonNode List(ApiContext ctx)
    {
        var page = Lists.Page(ctx, ctx.State.OfType(WebhookEndpointRecords.ObjectType, null), "/v1/webhook_endpoints");
        ctx.Params.RejectUnknown();
        return page;
    }

    private static JsonNode Delete(ApiContext ctx)
    {
        ctx.Params.RejectUnknown();
        var endpoint = Find(ctx);
        endpoint.Json["status"] = "disabled";
        endpoint.Internal["deleted"] = "true";
        ctx.State.Remove(endpoint.Id);
        return new JsonObject { ["id"] = endpoint.Id, ["object"] = WebhookEndpointRecords.ObjectType, ["deleted"] = true };
    }
}
