using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.UnitTests.Docs;

/// <summary>
/// Every relative link of <c>README.md</c> and <c>docs/*.md</c> leads somewhere: a file or folder of the repository and,
/// for a <c>#anchor</c>, a heading of the linked Markdown file (GitHub's heading ids). Web links are not followed.
/// </summary>
public sealed partial class DocumentLinksTests
{
    [Fact]
    public void RelativeLinks_ReadmeAndDocs_ResolveToExistingFiles()
    {
        var root = RepositoryFolder.Root();
        var documents = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .ToList();

        var broken = documents.SelectMany(d => BrokenLinks(d, File.ReadAllText(d))
            .Select(link => $"{Path.GetRelativePath(root, d)}: {link}")).ToList();

        documents.Should().HaveCountGreaterThan(1, "README.md and the docs/ folder are read");
        string.Join(Environment.NewLine, broken).Should().BeEmpty("every relative link in README.md and docs/ must lead to a file of the repository");
    }

    [Fact]
    public void BrokenLinks_MissingFileOrHeading_AreReported()
    {
        var folder = Directory.CreateTempSubdirectory("doc-links-");
        try
        {
            var document = Path.Combine(folder.FullName, "doc.md");
            File.WriteAllText(Path.Combine(folder.FullName, "other.md"), "# Other page\n\n## Second part\n");
            const string content = """
                # Doc
                [ok](other.md) [ok anchor](other.md#second-part) [self](#doc) [web](https://example.com)
                [missing](nothing-here.md) ![missing image](images/none.png) [bad anchor](other.md#no-such-heading)
                `[in code](ignored.md)`

                ```
                [in a fence](ignored-too.md)
                ```
                """;
            File.WriteAllText(document, content);

            BrokenLinks(document, content).Should().BeEquivalentTo("nothing-here.md", "images/none.png", "other.md#no-such-heading");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The link targets of <paramref name="content"/> (the Markdown file at <paramref name="path"/>) that lead nowhere.</summary>
    private static IEnumerable<string> BrokenLinks(string path, string content)
    {
        var directory = Path.GetDirectoryName(path)!;
        foreach (var target in LinkTargets(content))
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) continue;
            var hash = target.IndexOf('#');
            var file = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(directory, file));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                yield return target;
                continue;
            }

            if (anchor is not null && (!File.Exists(resolved) || !HeadingIds(File.ReadAllText(resolved)).Contains(anchor)))
                yield return target;
        }
    }

    /// <summary>The targets of inline links and images, outside code fences and code spans.</summary>
    private static IEnumerable<string> LinkTargets(string content)
    {
        var inFence = false;
        foreach (var line in content.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence) continue;
            foreach (Match match in InlineLink().Matches(CodeSpan().Replace(line, "")))
                yield return match.Groups["target"].Value;
        }
    }

    /// <summary>The ids GitHub gives the headings of a Markdown file: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> HeadingIds(string content)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in content.Split('\n'))
        {
            var heading = Heading().Match(line);
            if (!heading.Success) continue;
            var id = new StringBuilder();
            foreach (var c in heading.Groups["text"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_') id.Append(c);
                else if (c == ' ') id.Append('-');
            }

            var candidate = id.ToString();
            for (var n = 1; !ids.Add(candidate); n++) candidate = $"{id}-{n}";
        }

        return ids;
    }


    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
