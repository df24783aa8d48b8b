using Marketplace.Core.Connect;
using Marketplace.StripeGateway;

namespace Marketplace.UnitTests.Connect;

/// <summary>Stripe's region rule for destination charges (https://docs.stripe.com/connect/destination-charges), for an EU and a US platform.</summary>
public sealed class ConnectCountriesTests
{
    [Theory]
    [InlineData("FR", "DE", true)]
    [InlineData("FR", "GB", true)]
    [InlineData("FR", "CH", true)]
    [InlineData("FR", "NO", true)]
    [InlineData("DE", "fr", true)]
    [InlineData("FR", "US", false)]
    [InlineData("FR", "CA", false)]
    [InlineData("FR", "JP", false)]
    [InlineData("US", "US", true)]
    [InlineData("US", "CA", false)]
    [InlineData("US", "FR", false)]
    [InlineData("US", "GB", false)]
    [InlineData("FR", "XX", false)]
    public void CanPlatformPay_PlatformAndCreatorCountries_SameRegionOnly(string platform, string creator, bool expected) =>
        ConnectCountries.CanPlatformPay(platform, creator).Should().Be(expected);

    [Fact]
    public void PayableFrom_UsPlatform_OnlyTheUnitedStates() =>
        ConnectCountries.PayableFrom("US").Select(c => c.Code).Should().Equal("US");

    [Fact]
    public void PayableFrom_FrenchPlatform_EveryEuropeanCountryOfTheListAndNoOther()
    {
        var codes = ConnectCountries.PayableFrom("FR").Select(c => c.Code).ToList();

        codes.Should().Contain(["FR", "DE", "IE", "GB", "CH", "NO", "PL"]).And.NotContain(["US", "CA", "AU", "JP"]);
    }

    [Fact]
    public void All_EveryCountry_HasBothNamesAndItsDefaultCurrencyFirstAmongSettlementCurrencies()
    {
        ConnectCountries.All.Should().OnlyHaveUniqueItems(c => c.Code);
        foreach (var country in ConnectCountries.All)
        {
            country.Code.Should().MatchRegex("^[A-Z]{2}$");
            country.EnglishName.Should().NotBeNullOrWhiteSpace();
            country.FrenchName.Should().NotBeNullOrWhiteSpace();
            country.SettlementCurrencies[0].Should().Be(country.DefaultCurrency);
        }

        ConnectCountries.Find("de")!.Name.French.Should().Be("Allemagne");
        ConnectCountries.SettlementCurrencies("DE", "eur").Should().Equal("eur", "gbp", "usd");
        ConnectCountries.SettlementCurrencies("US", "eur").Should().Equal("usd");
    }

    [Theory]
    [InlineData("FR", true)]
    [InlineData("US", true)]
    [InlineData("XX", false)]
    public void Validate_PlatformCountry_RefusesOneWithoutExpressAccounts(string country, bool valid) =>
        new PlatformCountryValidator().Validate(null, new StripeOptions { PlatformCountry = country }).Succeeded.Should().Be(valid);
}
