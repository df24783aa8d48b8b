using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// Stripe's search query language (https://docs.stripe.com/search#search-query-language), the subset:
/// clauses <c>field:'value'</c>, <c>field~'substring'</c>, <c>field&gt;n</c> / <c>&lt;</c> / <c>&gt;=</c> / <c>&lt;=</c> (numbers),
/// <c>-field:'value'</c> (negation), <c>metadata['key']:'value'</c>, joined by <c>AND</c> or by <c>OR</c> (not mixed),
/// <c>null</c> for "has no value". Fields are checked against a per-resource whitelist; errors answer 400 with <c>param</c> "query".
/// </summary>
internal sealed class SearchQuery
{
    private readonly List<Clause> _clauses;
    private readonly bool _any;

    private SearchQuery(List<Clause> clauses, bool any) { _clauses = clauses; _any = any; }

    private sealed record Clause(string Field, string? MetadataKey, string Op, string? Value, bool Negated);

    public static SearchQuery Parse(string query, IReadOnlySet<string> fields)
    {
        var clauses = new List<Clause>();
        var connectors = new HashSet<string>();
        var i = 0;
        SkipSpaces(query, ref i);
        while (i < query.Length)
        {
            clauses.Add(ReadClause(query, ref i, fields));
            SkipSpaces(query, ref i);
            if (i >= query.Length) break;
            var word = ReadWord(query, ref i);
            if (word is not ("AND" or "OR")) throw Error($"Expected AND or OR at position {i}, got '{word}'.");
            connectors.Add(word);
            SkipSpaces(query, ref i);
        }
        if (clauses.Count == 0) throw Error("The query is empty.");
        if (connectors.Count > 1) throw Error("Queries cannot mix AND and OR.");
        if (clauses.Count > 10) throw Error("A query may have at most 10 clauses.");
        return new SearchQuery(clauses, connectors.Contains("OR"));
    }

    public bool Matches(JsonObject obj) => _any ? _clauses.Any(c => Match(c, obj)) : _clauses.All(c => Match(c, obj));

    private static bool Match(Clause c, JsonObject obj)
    {
        var node = c.MetadataKey is not null ? obj["metadata"]?[c.MetadataKey] : obj[c.Field];
        var actual = node switch
        {
            null => null,
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            JsonValue v => v.ToString(),
            JsonObject o => o["id"]?.ToString(),
            _ => node.ToJsonString(),
        };
        bool result = c.Op switch
        {
            ":" when c.Value is null => actual is null,
            ":" => actual is not null && string.Equals(actual, c.Value, c.Field is "email" or "name" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
            "~" => actual is not null && c.Value is not null && actual.Contains(c.Value, StringComparison.OrdinalIgnoreCase),
            _ => Compare(actual, c.Op, c.Value),
        };
        return c.Negated ? !result : result;
    }

    private static bool Compare(string? actual, string op, string? value)
    {
        if (actual is null || value is null) return false;
        if (!decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            || !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)) return false;
        return op switch { ">" => a > b, "<" => a < b, ">=" => a >= b, "<=" => a <= b, _ => false };
    }

    private static Clause ReadClause(string q, ref int i, IReadOnlySet<string> fields)
    {
        var negated = false;
        if (q[i] == '-') { negated = true; i++; }
        var start = i;
        while (i < q.Length && (char.IsLetterOrDigit(q[i]) || q[i] == '_' || q[i] == '.')) i++;
        var field = q[start..i];
        if (field.Length == 0) throw Error($"Expected a field name at position {start}.");
        string? metadataKey = null;
        if (field == "metadata")
        {
            if (i >= q.Length || q[i] != '[') throw Error("metadata must be followed by ['key'].");
            i++;
            metadataKey = ReadQuoted(q, ref i);
            if (i >= q.Length || q[i] != ']') throw Error("Expected ] after the metadata key.");
            i++;
        }
        else if (!fields.Contains(field))
            throw Error($"Field '{field}' is not supported for search on this resource. Supported: {string.Join(", ", fields.Order())}, metadata['key'].");
        var op = ReadOperator(q, ref i);
        string? value;
        if (i < q.Length && (q[i] == '\'' || q[i] == '"')) value = ReadQuoted(q, ref i);
        else
        {
            var vs = i;
            while (i < q.Length && !char.IsWhiteSpace(q[i])) i++;
            value = q[vs..i];
            if (value == "null") value = null;
            else if (op is ":" or "~" || !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                throw Error($"Values must be quoted: {field}{op}{value}");
        }
        if (op == "~" && (value is null || value.Length < 3)) throw Error("Substring matching (~) needs at least 3 characters.");
        return new Clause(field, metadataKey, op, value, negated);
    }

    private static string ReadOperator(string q, ref int i)
    {
        foreach (var op in new[] { ">=", "<=", ":", "~", ">", "<" })
            if (string.CompareOrdinal(q, i, op, 0, op.Length) == 0) { i += op.Length; return op; }
        throw Error($"Expected an operator (:, ~, >, <, >=, <=) at position {i}.");
    }

    private static string ReadQuoted(string q, ref int i)
    {
        if (i >= q.Length || (q[i] != '\'' && q[i] != '"')) throw Error($"Expected a quoted value at position {i}.");
        var quote = q[i++];
        var sb = new StringBuilder();
        while (i < q.Length && q[i] != quote)
        {
            if (q[i] == '\\' && i + 1 < q.Length) i++;
            sb.Append(q[i++]);
        }
        if (i >= q.Length) throw Error("Unterminated quoted value.");
        i++;
        return sb.ToString();
    }

    private static string ReadWord(string q, ref int i)
    {
        var start = i;
        while (i < q.Length && !char.IsWhiteSpace(q[i])) i++;
        return q[start..i];
    }

    private static void SkipSpaces(string q, ref int i)
    {
        while (i < q.Length && char.IsWhiteSpace(q[i])) i++;
    }

    private static StripeApiException Error(string message) => StripeApiException.Invalid("query", message);
}
