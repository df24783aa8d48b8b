using Marketplace.Core.Plans;
using Marketplace.Core.Amounts;

namespace Marketplace.UnitTests.Plans;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(1900, "eur", "€19.00")]
    [InlineData(5000, "xaf", "FCFA\u00A05,000")]
    [InlineData(1500, "JPY", "¥1,500")]
    [InlineData(12345, "kwd", "KWD\u00A012.345")]
    public void Format_MinorUnits_UsesTheCurrencysDecimals(long minor, string currency, string expected) =>
        Money.Format(minor, currency, System.Globalization.CultureInfo.GetCultureInfo("en")).Should().Be(System.Text.RegularExpressions.Regex.Unescape(expected));

    [Theory]
    [InlineData(19.99, "eur", 1999)]
    [InlineData(5000, "xaf", 5000)]
    [InlineData(5000, "xof", 5000)]
    [InlineData(100, "krw", 100)]
    public void ToMinor_MajorAmount_NeverMultipliesZeroDecimalCurrencies(decimal major, string currency, long expected) =>
        Money.ToMinor(major, currency).Should().Be(expected);

    [Fact]
    public void ToMinor_FractionOfAZeroDecimalUnit_Throws() =>
        FluentActions.Invoking(() => Money.ToMinor(10.5m, "xaf")).Should().Throw<ArgumentException>().WithMessage("*XAF*");
}
