namespace Marketplace.StripeEmulator.Api;

/// <summary>
/// One node of a form-encoded Stripe request parsed with bracket notation:
/// <c>line_items[0][price]=price_1</c> becomes root → line_items → 0 → price = "price_1";
/// <c>expand[]=a&amp;expand[]=b</c> becomes expand → {0: a, 1: b}.
/// </summary>
internal sealed class ParamNode
{
    private readonly List<string> _order = new();
    private readonly Dictionary<string, ParamNode> _children = new(StringComparer.Ordinal);

    public ParamNode(string path) => Path = path;

    /// <summary>Stripe's display form of the parameter: <c>line_items[0][price]</c>.</summary>
    public string Path { get; }

    /// <summary>The value of a leaf; null for a container.</summary>
    public string? Value { get; private set; }

    public bool IsLeaf => _children.Count == 0;

    /// <summary>Set when a handler read this node; unread leaves are rejected as unknown parameters.</summary>
    public bool Consumed { get; set; }

    public IEnumerable<ParamNode> Children => _order.Select(k => _children[k]);

    public IEnumerable<string> Keys => _order;

    public ParamNode? Child(string key) => _children.GetValueOrDefault(key);

    /// <summary>Parses <c>key=value</c> pairs (already URL-decoded) into a tree.</summary>
    public static ParamNode Parse(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var root = new ParamNode("");
        foreach (var (key, value) in pairs)
        {
            var segments = SplitKey(key);
            if (segments is null || segments.Count == 0)
                throw StripeApiException.Invalid(key, $"Invalid parameter name: {key}");
            var node = root;
            for (var i = 0; i < segments.Count; i++)
            {
                var segment = segments[i];
                if (segment.Length == 0) segment = node._children.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                node = node.GetOrAdd(segment);
            }
            node.Value = value;
        }
        return root;
    }

    /// <summary>Set on a hash validated later by its own reader (e.g. <c>price_data</c>); skipped by an ancestor's check.</summary>
    public bool Deferred { get; set; }

    public IEnumerable<ParamNode> UnconsumedLeaves(bool isStart = true)
    {
        if (Consumed || (!isStart && Deferred)) yield break;
        if (IsLeaf && Path.Length > 0)
        {
            yield return this;
            yield break;
        }
        foreach (var child in Children)
            foreach (var leaf in child.UnconsumedLeaves(false))
                yield return leaf;
    }

    public void ConsumeAll()
    {
        Consumed = true;
        foreach (var child in Children) child.ConsumeAll();
    }

    private ParamNode GetOrAdd(string key)
    {
        if (_children.TryGetValue(key, out var existing)) return existing;
        var child = new ParamNode(Path.Length == 0 ? key : $"{Path}[{key}]");
        _children[key] = child;
        _order.Add(key);
        return child;
    }

    private static List<string>? SplitKey(string key)
    {
        var open = key.IndexOf('[');
        if (open < 0) return [key];
        var segments = new List<string> { key[..open] };
        var i = open;
        while (i < key.Length)
        {
            if (key[i] != '[') return null;
            var close = key.IndexOf(']', i);
            if (close < 0) return null;
            segments.Add(key[(i + 1)..close]);
            i = close + 1;
        }
        return segments;
    }
}
