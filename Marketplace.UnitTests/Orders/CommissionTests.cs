using Marketplace.Core.Orders;
using Marketplace.Core.Seeding;

namespace Marketplace.UnitTests.Orders;

/// <summary>The platform's commission (<c>application_fee_amount</c>) in minor units, per currency and per seeded plan rate.</summary>
public sealed class CommissionTests
{
    /// <summary>
    /// amount (minor units), currency, rate (bps) → fee. Every seeded rate (Free 1500, Bronze 1200, Silver 1000, Gold 800,
    /// Platinum 500) on EUR, USD, JPY and XAF amounts, with the half-way cases rounded away from zero.
    /// </summary>
    public static TheoryData<long, string, int, long> Cases() => new()
    {
        // EUR: 25.00 at every seeded rate.
        { 2500, "eur", 1500, 375 }, { 2500, "eur", 1200, 300 }, { 2500, "eur", 1000, 250 }, { 2500, "eur", 800, 200 }, { 2500, "eur", 500, 125 },
        // EUR half cents: 0.50 × 15 % = 7.5 c → 8 c; 0.50 × 5 % = 2.5 c → 3 c; 12.35 × 10 % = 123.5 c → 124 c.
        { 50, "eur", 1500, 8 }, { 50, "eur", 500, 3 }, { 1235, "eur", 1000, 124 }, { 1234, "eur", 1000, 123 },
        // USD: 0.50 (Stripe's minimum), 19.99, 1.05 at every seeded rate.
        { 50, "usd", 1200, 6 }, { 50, "usd", 1000, 5 }, { 50, "usd", 800, 4 }, { 1999, "usd", 1500, 300 }, { 1999, "usd", 1200, 240 },
        { 1999, "usd", 1000, 200 }, { 1999, "usd", 800, 160 }, { 1999, "usd", 500, 100 }, { 105, "usd", 1000, 11 },
        // JPY (zero-decimal: the minor unit is one yen): ¥50, ¥1,005, ¥3,333.
        { 50, "jpy", 1500, 8 }, { 50, "jpy", 1000, 5 }, { 1005, "jpy", 1000, 101 }, { 3333, "jpy", 1200, 400 }, { 3333, "jpy", 800, 267 },
        { 3333, "jpy", 500, 167 }, { 3330, "jpy", 1500, 500 },
        // XAF (zero-decimal): 5,000 F, 350 F, 1,255 F.
        { 5000, "xaf", 1500, 750 }, { 5000, "xaf", 1200, 600 }, { 5000, "xaf", 1000, 500 }, { 5000, "xaf", 800, 400 }, { 5000, "xaf", 500, 250 },
        { 350, "xaf", 1500, 53 }, { 1255, "xaf", 1000, 126 }, { 1255, "xaf", 800, 100 },
        // Rate 0: no application fee at all.
        { 2500, "eur", 0, 0 }, { 5000, "xaf", 0, 0 },
        // Never equal to or above the amount: 100 % of 1 cent is capped at 0; of 25.00, at 24.99.
        { 1, "eur", 10_000, 0 }, { 2500, "eur", 10_000, 2499 }, { 1, "jpy", 9999, 0 },
        // A tiny amount rounds to nothing: no fee rather than a fee equal to the charge.
        { 3, "eur", 1000, 0 },
        // Three-decimal currency: a multiple of 10 (Stripe's rule for KWD, BHD, …): 5.000 KWD × 12 % = 600; 1.235 × 10 % = 123.5 → 120.
        { 5000, "kwd", 1200, 600 }, { 1235, "kwd", 1000, 120 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fee_AmountCurrencyRate_RoundedHalfAwayFromZeroBelowTheAmount(long amountMinor, string currency, int rateBps, long expected)
    {
        var fee = Commission.Fee(amountMinor, currency, rateBps);

        fee.Should().Be(expected);
        if (amountMinor > 0) fee.Should().BeLessThan(amountMinor);
    }

    [Fact]
    public void Fee_EverySeededPlanRate_CoveredByTheTable()
    {
        var rates = PlanCatalog.Standard.Select(p => p.Capabilities.CommissionRateBps).Distinct().ToList();

        foreach (var currency in new[] { "eur", "usd", "jpy", "xaf" })
            Cases().Where(row => (string)row[1] == currency).Select(row => (int)row[2]).Should().Contain(rates, $"every seeded rate is exercised in {currency}");
    }

    [Theory]
    [InlineData(-1, 1000)]
    [InlineData(100, -1)]
    [InlineData(100, 10_001)]
    public void Fee_NegativeAmountOrRateOutOfRange_Throws(long amountMinor, int rateBps)
    {
        var act = () => Commission.Fee(amountMinor, "eur", rateBps);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
