using System.Globalization;
using Marketplace.Core.Amounts;

namespace Marketplace.UnitTests.Integrity;

/// <summary>Issue 16, item 12: the one parser of typed amounts, strict in the request's culture and bounded by Stripe.</summary>
public sealed class AmountParserTests
{
    [Theory]
    [InlineData("12.50", "eur", "en", 1250)]
    [InlineData("12,50", "eur", "fr", 1250)]
    [InlineData("12,50", "eur", "de", 1250)]
    [InlineData(" 19.99 ", "EUR", "", 1999)]
    [InlineData("19", "usd", "en", 1900)]
    [InlineData("007.5", "eur", "en", 750)]
    [InlineData("5000", "xaf", "fr", 5000)]
    [InlineData("999999.99", "eur", "en", 99_999_999)]
    [InlineData("99999999", "jpy", "en", 99_999_999)]
    [InlineData("1.230", "kwd", "en", 1230)]
    public void Parse_StrictAmount_MinorUnits(string text, string currency, string culture, long minor) =>
        AmountParser.Parse(text, currency, CultureInfo.GetCultureInfo(culture)).Minor.Should().Be(minor);

    [Theory]
    [InlineData("12,50", "eur", "en", "no thousands separator")] // English grouping: would be 1,250
    [InlineData("1,2,3,4", "eur", "en", "no thousands separator")]
    [InlineData("1,250.00", "eur", "en", "no thousands separator")]
    [InlineData("12.50", "eur", "fr", "no thousands separator")] // a French admin's dot is not a decimal point
    [InlineData("1.250", "eur", "de", "no thousands separator")]
    [InlineData("1 250", "eur", "fr", "no thousands separator")]
    [InlineData("5e2", "eur", "en", "no thousands separator")]
    [InlineData("-5", "eur", "en", "no thousands separator")]
    [InlineData("+5", "eur", "en", "no thousands separator")]
    [InlineData("12.", "eur", "en", "no thousands separator")]
    [InlineData(".5", "eur", "en", "no thousands separator")]
    [InlineData("١٢", "eur", "en", "no thousands separator")] // Arabic-Indic digits
    [InlineData("€12", "eur", "en", "no thousands separator")]
    [InlineData("", "eur", "en", "Enter an amount")]
    [InlineData("0", "eur", "en", "more than zero")]
    [InlineData("0.00", "eur", "en", "more than zero")]
    [InlineData("12.505", "eur", "en", "at most 2 decimals")]
    [InlineData("5000.5", "xaf", "en", "no decimals")]
    [InlineData("5,000", "xaf", "en", "whole number of XAF")]
    [InlineData("1.234", "kwd", "en", "last decimal must be 0")]
    [InlineData("1000000", "eur", "en", "Stripe's maximum charge amount")]
    [InlineData("99999999999", "eur", "en", "Stripe's maximum charge amount")]
    [InlineData("92233720368547758.07", "eur", "en", "Stripe's maximum charge amount")] // long.MaxValue cents
    [InlineData("100000000", "jpy", "en", "Stripe's maximum charge amount")]
    [InlineData("99999999999999999999999999999999999", "eur", "en", "Stripe's maximum charge amount")]
    [InlineData("10", "xyz", "en", "not a currency Stripe charges in")]
    [InlineData("10", "eu", "en", "not a currency Stripe charges in")]
    [InlineData("10", "", "en", "not a currency Stripe charges in")]
    public void Parse_RefusedAmountOrCurrency_ErrorSaysWhy(string text, string currency, string culture, string error)
    {
        var result = AmountParser.Parse(text, currency, CultureInfo.GetCultureInfo(culture));

        result.Minor.Should().BeNull();
        result.Error?.ToString().Should().Contain(error);
    }

    [Fact]
    public void Supported_EveryCode_ThreeLowerCaseLetters() =>
        StripeCurrencies.Supported.Should().OnlyContain(c => c.Length == 3 && c.All(char.IsAsciiLetterLower)).And.Contain(["eur", "usd", "xaf", "jpy"]).And.NotContain("xyz");
}
