using Marketplace.Core.Search;

namespace Marketplace.UnitTests.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("Château  de BREST", "\"château\" \"de\" \"brest\"*")]
    [InlineData("\"poster\" OR NEAR(a b)", "\"poster\" \"or\" \"near\" \"a\" \"b\"*")]
    [InlineData("title:x* ^y -z", "\"title\" \"x\" \"y\" \"z\"*")]
    [InlineData("'; DROP TABLE \"Listings\"; --", "\"drop\" \"table\" \"listings\"*")]
    public void ToFts5_TypedQuery_OnlyQuotedWordsTheLastAPrefix(string typed, string expected) =>
        SearchTerms.Parse(typed).ToFts5().Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"*()^-+:")]
    public void Parse_NoLetterOrDigit_Empty(string? typed) => SearchTerms.Parse(typed).IsEmpty.Should().BeTrue();

    [Fact]
    public void Parse_VeryLongQuery_AtMostEightWordsOfFortyCharacters()
    {
        var terms = SearchTerms.Parse(new string('a', 60) + " " + string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i)));

        terms.Words.Should().HaveCount(SearchTerms.MaxTerms);
        terms.Words[0].Should().HaveLength(SearchTerms.MaxTermLength);
    }

    [Fact]
    public void ToTsQuery_Words_QuotedAndedTheLastAPrefix() =>
        SearchTerms.Parse("l'été Poster").ToTsQuery().Should().Be("'l' & 'été' & 'poster':*");
}
