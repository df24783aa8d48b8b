using Marketplace.Core.Orders;

namespace Marketplace.UnitTests.Orders;

/// <summary>
/// The shop's name as Stripe's statement descriptor suffix
/// (https://docs.stripe.com/get-started/account/statement-descriptors): Latin only, accents folded, no
/// <c>&lt; &gt; \ ' " *</c>, at least one letter, prefix + "* " + suffix within 22 characters.
/// </summary>
public sealed class StatementDescriptorSuffixTests
{
    [Theory]
    [InlineData("Café Crème", "Cafe Creme")]
    [InlineData("Łódź Straße", "Lodz Stras")]
    [InlineData("Poster Shop", "Poster Sho")]
    [InlineData("A<b>c\\d'e\"f*g", "Abcdefg")]
    [InlineData("  Zoé   🎨  Art  ", "Zoe Art")]
    [InlineData("L’Atelier", "LAtelier")]
    public void From_AwkwardShopName_FollowsStripesRules(string shopName, string expected)
    {
        StatementDescriptorSuffix.From(shopName).Should().Be(expected);
    }

    [Theory]
    [InlineData("🎨🖌️✨")]
    [InlineData("<>\\'\"*")]
    [InlineData("2024 - 99")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("東京ショップ")]
    public void From_NothingLatinWithALetterLeft_OmittedAsNull(string? shopName)
    {
        StatementDescriptorSuffix.From(shopName).Should().BeNull();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(10)]
    public void From_VeryLongName_WholeDescriptorFitsIn22Characters(int prefixLength)
    {
        var suffix = StatementDescriptorSuffix.From("The Extraordinarily Long Name Of A Very Small Print Shop", prefixLength)!;

        (prefixLength + "* ".Length + suffix.Length).Should().BeLessThanOrEqualTo(22);
        suffix.Should().NotEndWith(" ").And.StartWith("The Extra");
    }

    [Fact]
    public void From_PrefixLengthOutsideStripesRange_Throws()
    {
        var act = () => StatementDescriptorSuffix.From("Shop", 11);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
