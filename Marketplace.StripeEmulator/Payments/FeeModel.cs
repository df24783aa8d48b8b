namespace Marketplace.StripeEmulator.Payments;

/// <summary>
/// The emulator's model of Stripe's processing and dispute fees (Stripe's real pricing depends on the country, the card
/// and the contract; these are plausible list prices, per charge currency). Processing fee = <c>percent × amount + fixed</c>,
/// rounded half away from zero to the minor unit; all amounts in minor units (whole units for zero-decimal currencies).
/// <list type="table">
/// <item>eur: 1.5 % + 25 (0.25 EUR); gbp: 1.5 % + 20; usd, cad, chf: 2.9 % + 30; aud: 1.7 % + 30</item>
/// <item>jpy: 3.6 % + 0; xaf, xof: 1.5 % + 164 (0.25 EUR at 655.957)</item>
/// <item>any other currency: 2.9 % + 30 minor units (2.9 % + 0 if zero-decimal)</item>
/// </list>
/// Dispute fee: usd 1500, eur 2000, gbp 2000, jpy 1500, xaf/xof 13119 (20 EUR); others 1500 minor units (zero-decimal 1500 units).
/// https://stripe.com/pricing, https://docs.stripe.com/disputes/how-disputes-work#dispute-fees
/// </summary>
internal static class FeeModel
{
    private static readonly Dictionary<string, (decimal Percent, long Fixed)> Processing = new()
    {
        ["eur"] = (1.5m, 25), ["gbp"] = (1.5m, 20), ["usd"] = (2.9m, 30), ["cad"] = (2.9m, 30), ["chf"] = (2.9m, 30),
        ["aud"] = (1.7m, 30), ["jpy"] = (3.6m, 0), ["xaf"] = (1.5m, 164), ["xof"] = (1.5m, 164),
    };

    private static readonly Dictionary<string, long> Disputes = new()
    {
        ["usd"] = 1500, ["eur"] = 2000, ["gbp"] = 2000, ["jpy"] = 1500, ["xaf"] = 13119, ["xof"] = 13119,
    };

    /// <summary>Stripe's processing fee on a charge of <paramref name="amount"/> (minor units) in <paramref name="currency"/>.</summary>
    public static long ProcessingFee(long amount, string currency)
    {
        var (percent, fixedFee) = Processing.TryGetValue(currency, out var known)
            ? known
            : (2.9m, Currencies.IsZeroDecimal(currency) ? 0L : 30L);
        return (long)Math.Round(amount * percent / 100m, MidpointRounding.AwayFromZero) + fixedFee;
    }

    /// <summary>The fee Stripe debits from the platform when one of its charges is disputed (minor units).</summary>
    public static long DisputeFee(string currency) => Disputes.GetValueOrDefault(currency, 1500);
}
