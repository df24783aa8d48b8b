namespace Marketplace.UnitTests.Architecture;

/// <summary>
/// Core's folders (one capability each) must not use each other in a circle: A uses B and B uses A, directly or through
/// a chain. Left out: Core's root namespace (the composition root and <c>DomainException</c>) and <c>Data/</c> (the EF
/// Core model, which by design knows every entity and is used by every feature).
/// </summary>
public sealed class CoreFolderCyclesTests
{
    private static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal) { "Data" };

    /// <summary>
    /// The cycles Core had when this test was written, each edge "A → B" of them. Not an allow-list to grow: a new edge
    /// on a cycle fails the test, and an edge that is gone must be removed from here (the test says which).
    /// </summary>
    private static readonly string[] KnownCycleEdges =
    [
        "Amounts → Text",
        "CheckoutClosing → Connect",
        "CheckoutClosing → Orders",
        "CheckoutClosing → Refunds",
        "Connect → CheckoutClosing",
        "Connect → Creators",
        "Connect → Subscriptions",
        "Connect → Text",
        "Creators → Connect",
        "Creators → Plans",
        "Creators → Shops",
        "Creators → Subscriptions",
        "Creators → Text",
        "Disputes → Orders",
        "Images → Text",
        "Invoices → Creators",
        "Invoices → Subscriptions",
        "Listings → Amounts",
        "Listings → Connect",
        "Listings → Creators",
        "Listings → Images",
        "Listings → Orders",
        "Listings → Plans",
        "Listings → Subscriptions",
        "Listings → Text",
        "Memberships → Amounts",
        "Memberships → Connect",
        "Memberships → Orders",
        "Memberships → PriceSync",
        "Memberships → Subscriptions",
        "Memberships → Text",
        "Memberships → Webhooks",
        "Orders → Amounts",
        "Orders → Connect",
        "Orders → Creators",
        "Orders → Listings",
        "Orders → Sales",
        "Payouts → Connect",
        "Payouts → Creators",
        "Plans → Amounts",
        "Plans → PriceSync",
        "Plans → Text",
        "PriceSync → Memberships",
        "PriceSync → Plans",
        "Refunds → Amounts",
        "Refunds → Orders",
        "Sales → Orders",
        "Shops → Creators",
        "Shops → Text",
        "Subscriptions → Connect",
        "Subscriptions → Creators",
        "Subscriptions → Invoices",
        "Subscriptions → Plans",
        "Subscriptions → PriceSync",
        "Subscriptions → Text",
        "Text → Amounts",
        "Text → Plans",
        "Webhooks → Connect",
        "Webhooks → Disputes",
        "Webhooks → Invoices",
        "Webhooks → Orders",
        "Webhooks → Payouts",
        "Webhooks → Subscriptions",
    ];

    [Fact]
    public void FolderDependencies_CoreSources_HaveNoNewCycles()
    {
        var graph = FolderGraph.Build(Path.Combine(RepositoryFolder.Root(), "Marketplace.Core"), "Marketplace.Core", Ignored);
        var cycles = graph.CycleEdges();

        graph.Edges.Should().NotBeEmpty("Core's sources are read");
        var added = cycles.Where(c => !KnownCycleEdges.Contains(c.Key)).Select(c => c.Value);
        var gone = KnownCycleEdges.Where(e => !cycles.ContainsKey(e)).Select(e => $"\"{e}\",");
        string.Join(Environment.NewLine, added).Should().BeEmpty("a folder must not use, through any chain, a folder that uses it");
        string.Join(Environment.NewLine, gone).Should().BeEmpty("these edges no longer close a cycle: remove them from KnownCycleEdges");
    }

    [Fact]
    public void CycleEdges_ChainThroughThreeFolders_AreReportedWithTheChain()
    {
        var folder = Directory.CreateTempSubdirectory("folder-cycles-");
        try
        {
            Write(folder.FullName, "A/Alpha.cs", "using App.B;\nnamespace App.A;\npublic class Alpha { Beta? b; }");
            Write(folder.FullName, "B/Beta.cs", "namespace App.B;\npublic class Beta { App.C.Gamma? g; }");
            Write(folder.FullName, "C/Gamma.cs", "using App.A;\nnamespace App.C;\npublic class Gamma { Alpha? a; }");
            Write(folder.FullName, "D/Delta.cs", "using App.A;\nnamespace App.D;\n// Gamma in a comment\npublic class Delta { Alpha? a; string s = \"Gamma\"; }");

            var cycles = FolderGraph.Build(folder.FullName, "App", new HashSet<string>()).CycleEdges();

            cycles.Keys.Should().BeEquivalentTo("A → B", "B → C", "C → A");
            cycles["A → B"].Should().StartWith("A → B → C → A (A/Alpha.cs uses Beta)");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Write(string root, string path, string code)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, code);
    }
}
