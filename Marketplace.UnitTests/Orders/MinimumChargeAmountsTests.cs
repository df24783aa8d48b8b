using Marketplace.Core.Orders;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Orders;

/// <summary>Stripe's minimum charge table and the configured minimums for the currencies it lacks.</summary>
public sealed class MinimumChargeAmountsTests
{
    private static readonly MinimumChargeAmounts Defaults = new(Options.Create(new OrderOptions()));

    [Theory]
    [InlineData("eur", 50L)]
    [InlineData("USD", 50L)]
    [InlineData("gbp", 30L)]
    [InlineData("jpy", 50L)]
    [InlineData("xaf", 350L)]
    [InlineData("xof", 350L)]
    public void For_KnownCurrency_StripesTableOrTheConfiguredDefault(string currency, long expected) =>
        Defaults.For(currency).Should().Be(expected);

    [Fact]
    public void For_CurrencyInNeither_Null() => Defaults.For("kes").Should().BeNull();

    [Fact]
    public void For_ConfiguredCurrency_ConfigurationAddsToTheTableButNeverOverridesStripe()
    {
        var options = new OrderOptions();
        options.MinimumChargeAmounts["kes"] = 6500;
        options.MinimumChargeAmounts["eur"] = 1;
        var minimums = new MinimumChargeAmounts(Options.Create(options));

        (minimums.For("kes"), minimums.For("eur")).Should().Be((6500L, 50L));
    }
}
