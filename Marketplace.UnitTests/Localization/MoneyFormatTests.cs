using System.Globalization;
using Marketplace.Core.Plans;
using Marketplace.Core.Amounts;

namespace Marketplace.UnitTests.Localization;

/// <summary>
/// The one money formatter in both cultures: <c>9,00 €</c> in French, <c>€9.00</c> in English, zero-decimal
/// currencies without decimals. French uses a no-break space (U+00A0) between groups and before the symbol; the table
/// writes it as <c>_</c>.
/// </summary>
public sealed class MoneyFormatTests
{
    [Theory]
    [InlineData(900, "eur", "en", "€9.00")]
    [InlineData(900, "eur", "fr", "9,00_€")]
    [InlineData(1900, "EUR", "fr-FR", "19,00_€")]
    [InlineData(123456789, "eur", "en", "€1,234,567.89")]
    [InlineData(123456789, "eur", "fr", "1_234_567,89_€")]
    [InlineData(900, "usd", "en", "$9.00")]
    [InlineData(900, "usd", "fr", "9,00_$US")]
    [InlineData(1500, "jpy", "en", "¥1,500")]
    [InlineData(1500, "jpy", "fr", "1_500_JPY")]
    [InlineData(5000, "xaf", "en", "FCFA_5,000")]
    [InlineData(5000, "xaf", "fr", "5_000_FCFA")]
    [InlineData(350, "XAF", "fr", "350_FCFA")]
    [InlineData(-250, "eur", "en", "-€2.50")]
    [InlineData(-250, "eur", "fr", "-2,50_€")]
    [InlineData(12345, "kwd", "en", "KWD_12.345")]
    [InlineData(900, "eur", "de", "€9.00")]
    public void Format_EachCurrencyInEachCulture_TheTable(long minor, string currency, string culture, string expected) =>
        Money.Format(minor, currency, CultureInfo.GetCultureInfo(culture)).Should().Be(expected.Replace('_', '\u00A0'));

    [Fact]
    public void Format_WithoutCulture_FollowsTheCurrentUiCulture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");
            new Money("eur", 1900).ToString().Should().Be("19,00\u00A0€");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Money.Format(1900, "eur").Should().Be("€19.00");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
