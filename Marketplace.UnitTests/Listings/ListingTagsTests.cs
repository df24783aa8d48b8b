using Marketplace.Core;
using Marketplace.Core.Listings;

namespace Marketplace.UnitTests.Listings;

public sealed class ListingTagsTests
{
    [Fact]
    public void Parse_TypedTags_LowerCaseDashedHashDroppedDuplicatesOnce() =>
        ListingTags.Parse(" Sci Fi, #Poster,, poster , Été-2026 ").Should().Equal("sci-fi", "poster", "été-2026");

    [Theory]
    [InlineData("a, b, c, d, e, f", "A listing has at most {0} tags.")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "A tag is at most {0} characters.")]
    [InlineData("c#, f*", "A tag has only letters, digits, spaces and dashes.")]
    public void Parse_BrokenRule_Refused(string typed, string message) =>
        FluentActions.Invoking(() => ListingTags.Parse(typed)).Should().Throw<DomainException>().Which.Text.Template.Should().Be(message);
}
