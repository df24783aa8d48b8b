using Marketplace.Core.Creators;

namespace Marketplace.UnitTests.Creators;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Émilie  Durand!", "emilie-durand")]
    [InlineData("  --Studio__Nord-- ", "studio-nord")]
    [InlineData("日本", "creator")]
    [InlineData("Ada's Prints", "ada-s-prints")]
    public void From_DisplayName_GivesUrlSafeLowerCaseSlug(string displayName, string expected) =>
        Slug.From(displayName).Should().Be(expected);
}
