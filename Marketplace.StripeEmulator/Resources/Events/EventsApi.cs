using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;

namespace Marketplace.StripeEmulator.Resources.Events;

/// <summary>
/// Events (https://docs.stripe.com/api/events): retrieve and list (<c>type</c> with <c>*</c> wildcard, <c>types[]</c>).
/// Without <c>Stripe-Account</c> the platform's events are listed; with it, that connected account's.
/// </summary>
internal static class EventsApi
{
    public static void Map(IEndpointRouteBuilder r)
    {
        r.MapStripe("GET", "/v1/events", List);
        r.MapStripe("GET", "/v1/events/{id}", ctx =>
        {
            ctx.Params.RejectUnknown();
            var evt = ctx.State.FindEvent(ctx.Id);
            if (evt is null || evt["account"]?.GetValue<string>() != ctx.Account) throw StripeApiException.NotFound("event", ctx.Id);
            return evt.DeepClone();
        });
    }

    private static JsonNode List(ApiContext ctx)
    {
        var type = ctx.Params.Str("type");
        var types = ctx.Params.StrList("types");
        var events = ctx.State.EventsNewestFirst()
            .Where(e => e["account"]?.GetValue<string>() == ctx.Account)
            .Where(e => type is null || Matches(type, e["type"]!.GetValue<string>()))
            .Where(e => types is null || types.Contains(e["type"]!.GetValue<string>()))
            .Select(e => (e["id"]!.GetValue<string>(), e.DeepClone()));
        var page = Lists.Page(ctx, events, "/v1/events");
        ctx.Params.RejectUnknown();
        return page;
    }

    private static bool Matches(string pattern, string type) =>
        pattern.EndsWith('*') ? type.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == type;
}
