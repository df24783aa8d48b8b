using System.Text.RegularExpressions;

namespace Marketplace.UnitTests.Architecture;

/// <summary>
/// Which top-level folder of a project uses which, read from its C# sources: a file in namespace <c>{Root}.A…</c> uses
/// folder B when it names a type declared in <c>{Root}.B…</c> that it can see (through a <c>using</c>, an enclosing
/// namespace, or a qualified name). Comments and string literals are ignored. Folders listed in
/// <see cref="FolderGraph.Build"/>'s <c>ignored</c> (and the root namespace itself) are left out of the graph.
/// </summary>
public sealed partial class FolderGraph
{
    private readonly Dictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    /// <summary>Folder → used folder → the first file and type that make the edge (for messages).</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string>> Edges => _edges;

    /// <summary>Reads every <c>*.cs</c> under <paramref name="sourceRoot"/> (not <c>obj/</c> or <c>bin/</c>) whose namespace starts with <paramref name="rootNamespace"/>.</summary>
    public static FolderGraph Build(string sourceRoot, string rootNamespace, IReadOnlySet<string> ignored)
    {
        var files = Directory.GetFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => (Path: Path.GetRelativePath(sourceRoot, f), Code: StripCommentsAndStrings(File.ReadAllText(f))))
            .Select(f => (f.Path, f.Code, Namespace: NamespaceRegex().Match(f.Code).Groups[1].Value))
            .Where(f => f.Namespace.StartsWith(rootNamespace, StringComparison.Ordinal))
            .ToList();

        var namespaces = files.Select(f => f.Namespace).ToHashSet(StringComparer.Ordinal);
        var declaredIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
            foreach (Match m in TypeDeclarationRegex().Matches(file.Code))
            {
                if (!declaredIn.TryGetValue(m.Groups[1].Value, out var set)) declaredIn[m.Groups[1].Value] = set = new(StringComparer.Ordinal);
                set.Add(file.Namespace);
            }

        string? Folder(string ns)
        {
            var rest = ns.Length > rootNamespace.Length ? ns[(rootNamespace.Length + 1)..] : "";
            var folder = rest.Split('.')[0];
            return folder.Length == 0 || ignored.Contains(folder) ? null : folder;
        }

        var graph = new FolderGraph();
        foreach (var file in files)
        {
            var from = Folder(file.Namespace);
            if (from is null) continue;
            var visible = UsingRegex().Matches(file.Code).Select(m => KnownPrefix(m.Groups[1].Value, namespaces))
                .Concat(Ancestors(file.Namespace)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var body = UsingRegex().Replace(file.Code, "");
            foreach (var name in IdentifierRegex().Matches(body).Select(m => m.Value).Distinct())
                foreach (var ns in declaredIn.GetValueOrDefault(name) ?? [])
                    if (ns != file.Namespace && visible.Contains(ns)) graph.Add(from, Folder(ns), $"{file.Path} uses {name}");
            foreach (Match m in QualifiedRegex().Matches(body))
                if (m.Value.StartsWith(rootNamespace + ".", StringComparison.Ordinal) && KnownPrefix(m.Value, namespaces) is { } ns && ns != file.Namespace)
                    graph.Add(from, Folder(ns), $"{file.Path} names {ns}");
        }
        return graph;
    }

    /// <summary>
    /// Every edge that lies on a cycle (both ends in one strongly connected component), as "A → B", with a chain
    /// "A → B → … → A" and the file behind the first step.
    /// </summary>
    public SortedDictionary<string, string> CycleEdges()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, targets) in _edges)
            foreach (var (to, reason) in targets)
                if (PathBetween(to, from) is { } back)
                    result[$"{from} → {to}"] = $"{from} → {string.Join(" → ", back)} ({reason})";
        return result;
    }

    private void Add(string from, string? to, string reason)
    {
        if (to is null || to == from) return;
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = new(StringComparer.Ordinal);
        targets.TryAdd(to, reason);
    }

    /// <summary>The shortest chain of folders from <paramref name="start"/> to <paramref name="goal"/> (both included), or null.</summary>
    private List<string>? PathBetween(string start, string goal)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [start] = null };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (current == goal)
            {
                var path = new List<string>();
                for (string? at = goal; at is not null; at = previous[at]) path.Insert(0, at);
                return path;
            }
            foreach (var next in _edges.GetValueOrDefault(current)?.Keys ?? Enumerable.Empty<string>())
                if (previous.TryAdd(next, current)) queue.Enqueue(next);
        }
        return null;
    }

    private static string? KnownPrefix(string name, HashSet<string> namespaces)
    {
        for (var candidate = name; candidate.Length > 0; candidate = candidate.Contains('.') ? candidate[..candidate.LastIndexOf('.')] : "")
            if (namespaces.Contains(candidate)) return candidate;
        return null;
    }

    private static IEnumerable<string> Ancestors(string ns)
    {
        for (var i = ns.LastIndexOf('.'); i > 0; i = ns.LastIndexOf('.', i - 1)) yield return ns[..i];
    }

    private static string StripCommentsAndStrings(string code) => StringRegex().Replace(CommentRegex().Replace(code, " "), "\"\"");

    [GeneratedRegex(@"//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex CommentRegex();

    [GeneratedRegex("\"\"\"[\\s\\S]*?\"\"\"|@\"(?:[^\"]|\"\")*\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)'")]
    private static partial Regex StringRegex();

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceRegex();

    [GeneratedRegex(@"\b(?:class|record|interface|enum|struct)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclarationRegex();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingRegex();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex IdentifierRegex();

    [GeneratedRegex(@"\b[A-Z]\w*(?:\.[A-Z]\w*)+")]
    private static partial Regex QualifiedRegex();
}
