using Marketplace.Core.Orders;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Orders;

/// <summary>
/// The application fee on a sale (<see cref="PlatformFees"/>): the plan's commission, never below the currency's minimum
/// (by default Stripe's standard processing fee, as the emulator charges it), always below the amount.
/// </summary>
public sealed class PlatformFeesTests
{
    private static readonly PlatformFees Defaults = new(Options.Create(new OrderOptions()));

    /// <summary>amount, currency, rate (bps) → fee; the Stripe fee the emulator charges on that amount in the comment.</summary>
    public static TheoryData<long, string, int, long> Cases() => new()
    {
        // The minimum prices: 0.50 EUR at 15 % is 8 c, Stripe takes 1.5 % + 25 = 26 c: the fee is 26 c.
        { 50, "eur", 1500, 26 },
        // ¥50 at 15 % is ¥8, Stripe takes 3.6 % = ¥2: the commission stands.
        { 50, "jpy", 1500, 8 },
        // 350 XAF at 15 % is 53 F, Stripe takes 1.5 % + 164 = 169 F.
        { 350, "xaf", 1500, 169 },
        // Above the minimum, the commission: 25.00 EUR at 10 % (Stripe: 63 c).
        { 2500, "eur", 1000, 250 },
        // Where they meet: 7.20 EUR at 5 % = 36 c = 1.5 % + 25 (10.8 → 11) c.
        { 720, "eur", 500, 36 },
        // A rate of 0 still pays Stripe's fee.
        { 2500, "eur", 0, 63 },
        // A currency without its own minimum: 2.9 % + 30 minor units (Stripe's default in the emulator): 5.00 CHF → 45.
        { 500, "chf", 0, 45 },
        // Never the whole amount.
        { 20, "eur", 1500, 19 },
        { 0, "eur", 1500, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void For_AmountCurrencyRate_CommissionButAtLeastTheMinimumBelowTheAmount(long amountMinor, string currency, int rateBps, long expected)
    {
        Defaults.For(amountMinor, currency, rateBps).Should().Be(expected);
    }

    [Fact]
    public void For_ConfiguredMinimum_ReplacesTheDefault()
    {
        var options = new OrderOptions();
        options.MinimumApplicationFees["eur"] = new MinimumApplicationFee { RateBps = 0, FixedMinor = 40 };
        new PlatformFees(Options.Create(options)).For(50, "EUR", 1500).Should().Be(40);
    }

    [Fact]
    public void Describe_Eur_OnePointFivePercentAndTwentyFiveCents()
    {
        Defaults.Describe("eur").Should().Be((1.5m, 25L));
    }
}
