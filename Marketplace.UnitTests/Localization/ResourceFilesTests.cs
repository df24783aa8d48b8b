using System.Xml.Linq;

namespace Marketplace.UnitTests.Localization;

/// <summary>Every resource of the web app exists in English and French with the same keys, and no value is empty.</summary>
public sealed class ResourceFilesTests
{
    private static readonly string Resources = Path.Combine(RepositoryFolder.Root(), "Marketplace.Web", "Resources");

    [Fact]
    public void EveryEnglishResource_HasAFrenchTwinWithTheSameKeys_AndTheReverse()
    {
        var files = Directory.GetFiles(Resources, "*.resx", SearchOption.AllDirectories);
        var byResource = files.GroupBy(f => Path.GetRelativePath(Resources, f)[..^".xx.resx".Length]).ToList();
        byResource.Should().HaveCountGreaterThan(10, "the views, layouts and shared messages have resources");

        var problems = new List<string>();
        foreach (var resource in byResource)
        {
            var cultures = resource.Select(f => Path.GetFileName(f).Split('.')[^2]).Order().ToList();
            if (!cultures.SequenceEqual(["en", "fr"])) problems.Add($"{resource.Key}: cultures {string.Join(", ", cultures)} (expected en and fr)");
            var en = Keys(Path.Combine(Resources, resource.Key + ".en.resx"));
            var fr = Keys(Path.Combine(Resources, resource.Key + ".fr.resx"));
            problems.AddRange(en.Keys.Except(fr.Keys).Select(k => $"{resource.Key}: \"{k}\" is missing in French"));
            problems.AddRange(fr.Keys.Except(en.Keys).Select(k => $"{resource.Key}: \"{k}\" is missing in English"));
            problems.AddRange(en.Concat(fr).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{resource.Key}: \"{p.Key}\" has an empty value"));
        }

        problems.Should().BeEmpty();
    }

    [Fact]
    public void Keys_OfTheFrenchResources_HaveTheSamePlaceholdersAsTheEnglishOnes()
    {
        var problems = new List<string>();
        foreach (var en in Directory.GetFiles(Resources, "*.en.resx", SearchOption.AllDirectories))
        {
            var fr = Keys(en[..^".en.resx".Length] + ".fr.resx");
            foreach (var (key, value) in Keys(en))
            {
                if (!fr.TryGetValue(key, out var french)) continue;
                var expected = Placeholders(value);
                if (!Placeholders(french).SetEquals(expected)) problems.Add($"{Path.GetFileName(en)}: \"{key}\" → \"{french}\"");
            }
        }

        problems.Should().BeEmpty("a French text keeps every {0}, {1}… of the English one");
    }

    [Fact]
    public void Keys_OfOneResource_NeverDifferOnlyByCase()
    {
        // The resource compiler keeps one of "Now" and "now" (its names are case-insensitive): the other key then reads as missing.
        var problems = Directory.GetFiles(Resources, "*.resx", SearchOption.AllDirectories)
            .SelectMany(file => Keys(file).Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetRelativePath(Resources, file)}: {string.Join(" / ", g)}"));

        problems.Should().BeEmpty();
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}
