using System.Globalization;
using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator;

/// <summary>Reads integers from JSON nodes whatever CLR type built them (int, long, decimal, parsed JSON).</summary>
internal static class JsonNodeExtensions
{
    public static long AsLong(this JsonNode node)
    {
        if (node is not JsonValue value) throw new InvalidOperationException($"Expected a number, got {node.ToJsonString()}.");
        if (value.TryGetValue<long>(out var l)) return l;
        if (value.TryGetValue<int>(out var i)) return i;
        if (value.TryGetValue<decimal>(out var d)) return (long)d;
        if (value.TryGetValue<double>(out var f)) return (long)f;
        return long.Parse(value.ToString(), CultureInfo.InvariantCulture);
    }
}
