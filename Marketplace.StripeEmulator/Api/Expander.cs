using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// Applies <c>expand[]</c> (https://docs.stripe.com/expand): each dotted path replaces an id string with the
/// object it names (up to 4 levels, through lists via <c>data.</c>). Some fields exist only when expanded
/// (Checkout Session <c>line_items</c>); their builders register in <see cref="Includables"/>.
/// A path through a field that is not expandable answers 400 naming <c>expand</c>.
/// </summary>
internal static class Expander
{
    /// <summary>Builders of fields returned only when expanded, keyed "<c>{object}:{field}</c>"; shared by every emulator in the process, so concurrent.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<ApiContext, JsonObject, JsonNode?>> Includables = new();

    public static void Apply(ApiContext ctx, JsonNode body)
    {
        foreach (var path in ctx.Expand.Distinct())
        {
            var segments = path.Split('.');
            if (segments.Length > 4)
                throw StripeApiException.Invalid("expand", $"You cannot expand more than 4 levels of a property. Property: {path}");
            Walk(ctx, body, segments, 0, path);
        }
    }

    private static void Walk(ApiContext ctx, JsonNode? node, string[] segments, int index, string path)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array) Walk(ctx, item, segments, index, path);
            return;
        }
        if (node is not JsonObject obj) return;
        var field = segments[index];
        var value = obj[field];
        if (value is JsonValue v && v.TryGetValue<string>(out var id))
        {
            var target = ctx.State.Find(id);
            if (target is null || (target.Account is not null && target.Account != ctx.Account))
                throw StripeApiException.Invalid("expand", $"This property cannot be expanded ({field}).");
            value = target.Snapshot();
            obj[field] = value;
        }
        else if (value is null && !obj.ContainsKey(field))
        {
            var type = obj["object"]?.GetValue<string>();
            if (type is null || !Includables.TryGetValue($"{type}:{field}", out var build))
                throw StripeApiException.Invalid("expand", $"This property cannot be expanded ({path}).");
            value = build(ctx, obj);
            obj[field] = value;
        }
        if (index + 1 < segments.Length) Walk(ctx, value, segments, index + 1, path);
    }
}
