using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator.State;

/// <summary>
/// Builds an event's <c>data.previous_attributes</c>: for each field that changed, its value before the change.
/// Nested hashes (metadata, requirements, …) are diffed key by key, as Stripe does; lists are given whole.
/// </summary>
internal static class JsonDiff
{
    public static JsonObject PreviousAttributes(JsonObject before, JsonObject after)
    {
        var previous = new JsonObject();
        foreach (var (key, afterValue) in after)
        {
            before.TryGetPropertyValue(key, out var beforeValue);
            if (JsonNode.DeepEquals(beforeValue, afterValue)) continue;
            if (beforeValue is JsonObject b && afterValue is JsonObject a && !IsList(b) && !IsList(a) && b["object"] is null)
                previous[key] = PreviousAttributes(b, a);
            else
                previous[key] = beforeValue?.DeepClone();
        }
        foreach (var (key, beforeValue) in before)
            if (!after.ContainsKey(key)) previous[key] = beforeValue?.DeepClone();
        return previous;
    }

    private static bool IsList(JsonObject o) => o["object"]?.GetValue<string>() == "list";
}
