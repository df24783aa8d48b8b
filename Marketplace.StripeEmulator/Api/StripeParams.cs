using System.Globalization;

namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// Typed, consumption-tracking reader over a request's parameters (or one nested hash of them).
/// Handlers read everything they support, then call <see cref="RejectUnknown"/> before changing state,
/// so any parameter left unread answers 400 <c>parameter_unknown</c> naming it, as Stripe does.
/// </summary>
internal sealed class StripeParams(ParamNode node)
{
    public ParamNode Node { get; } = node;

    public bool Has(string name) => Node.Child(name) is not null;

    public string? Str(string name)
    {
        var child = Node.Child(name);
        if (child is null) return null;
        if (!child.IsLeaf) throw StripeApiException.Invalid(child.Path, $"Invalid string: {child.Path} must be a string.");
        child.Consumed = true;
        return child.Value;
    }

    public string RequiredStr(string name)
    {
        var value = Str(name);
        if (string.IsNullOrEmpty(value)) throw StripeApiException.Missing(Child(name));
        return value;
    }

    public long? Long(string name)
    {
        var raw = Str(name);
        if (string.IsNullOrEmpty(raw)) return null;
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw StripeApiException.Invalid(Child(name), $"Invalid integer: {raw}");
        return value;
    }

    public decimal? Decimal(string name)
    {
        var raw = Str(name);
        if (string.IsNullOrEmpty(raw)) return null;
        if (!decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            throw StripeApiException.Invalid(Child(name), $"Invalid decimal: {raw}");
        return value;
    }

    public bool? Bool(string name)
    {
        var raw = Str(name);
        if (string.IsNullOrEmpty(raw)) return null;
        return raw switch
        {
            "true" => true,
            "false" => false,
            _ => throw StripeApiException.Invalid(Child(name), $"Invalid boolean: {raw}"),
        };
    }

    /// <summary>Reads a one-of string and checks it against the allowed values.</summary>
    public string? Enum(string name, params string[] allowed)
    {
        var value = Str(name);
        if (value is not null && !allowed.Contains(value))
            throw StripeApiException.Invalid(Child(name),
                $"Invalid {name}: must be one of {string.Join(", ", allowed)}");
        return value;
    }

    /// <summary>A nested hash such as <c>recurring[…]</c>; null when absent.</summary>
    public StripeParams? Obj(string name)
    {
        var child = Node.Child(name);
        if (child is null) return null;
        if (child.IsLeaf)
        {
            if (string.IsNullOrEmpty(child.Value)) { child.Consumed = true; return null; }
            throw StripeApiException.Invalid(child.Path, $"Invalid object: {child.Path} must be a hash.");
        }
        return new StripeParams(child);
    }

    /// <summary>An array of hashes such as <c>line_items[0][…]</c>, in index order.</summary>
    public List<StripeParams>? ObjList(string name)
    {
        var child = Node.Child(name);
        if (child is null) return null;
        if (child.IsLeaf) { child.Consumed = true; return []; }
        return child.Children.OrderBy(c => IndexOf(c)).Select(c => new StripeParams(c)).ToList();
    }

    /// <summary>An array of strings such as <c>expand[]</c> or <c>lookup_keys[0]</c>.</summary>
    public List<string>? StrList(string name)
    {
        var child = Node.Child(name);
        if (child is null) return null;
        child.ConsumeAll();
        if (child.IsLeaf) return string.IsNullOrEmpty(child.Value) ? [] : [child.Value!];
        return child.Children.OrderBy(IndexOf).Select(c => c.Value ?? "").ToList();
    }

    /// <summary>
    /// A string map such as <c>metadata[…]</c>. Returns null when absent, and an empty map with
    /// <paramref name="clear"/> true for <c>metadata=</c> (Stripe's "unset all").
    /// </summary>
    public Dictionary<string, string>? Map(string name, out bool clear)
    {
        clear = false;
        var child = Node.Child(name);
        if (child is null) return null;
        child.ConsumeAll();
        if (child.IsLeaf)
        {
            if (!string.IsNullOrEmpty(child.Value))
                throw StripeApiException.Invalid(child.Path, $"Invalid object: {child.Path} must be a hash.");
            clear = true;
            return new Dictionary<string, string>();
        }
        var map = new Dictionary<string, string>();
        foreach (var key in child.Keys)
        {
            var entry = child.Child(key)!;
            if (!entry.IsLeaf) throw StripeApiException.Invalid(entry.Path, $"Invalid string: {entry.Path}");
            map[key] = entry.Value ?? "";
        }
        if (map.Count > 50) throw StripeApiException.Invalid(child.Path, "You can have at most 50 metadata keys.");
        return map;
    }

    /// <summary>Throws 400 <c>parameter_unknown</c> for the first parameter no handler read.</summary>
    public void RejectUnknown()
    {
        var leaf = Node.UnconsumedLeaves().FirstOrDefault();
        if (leaf is not null) throw StripeApiException.Unknown(leaf.Path);
    }

    private string Child(string name) => Node.Path.Length == 0 ? name : $"{Node.Path}[{name}]";

    private static int IndexOf(ParamNode node)
    {
        var last = node.Path.LastIndexOf('[');
        var key = last < 0 ? node.Path : node.Path[(last + 1)..^1];
        return int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue;
    }
}
