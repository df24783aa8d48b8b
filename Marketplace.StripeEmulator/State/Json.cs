using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator.State;

/// <summary>Small builders for Stripe JSON fragments.</summary>
internal static class Json
{
    public static JsonObject Metadata(Dictionary<string, string>? values)
    {
        var metadata = new JsonObject();
        if (values is null) return metadata;
        foreach (var (key, value) in values)
            if (value.Length > 0) metadata[key] = value;
        return metadata;
    }

    /// <summary>Stripe's metadata update: keys merge, an empty value removes a key, <c>metadata=</c> clears all.</summary>
    public static void MergeMetadata(JsonObject target, Dictionary<string, string>? values, bool clear)
    {
        if (values is null) return;
        var metadata = clear ? new JsonObject() : (JsonObject)(target["metadata"]?.DeepClone() ?? new JsonObject());
        foreach (var (key, value) in values)
        {
            if (value.Length == 0) metadata.Remove(key);
            else metadata[key] = value;
        }
        target["metadata"] = metadata;
    }

    public static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonObject List(string url, IEnumerable<JsonNode> data, bool hasMore = false)
    {
        var array = new JsonArray(data.ToArray());
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = array,
            ["has_more"] = hasMore,
            ["total_count"] = array.Count,
            ["url"] = url,
        };
    }
}
