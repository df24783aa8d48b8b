using Marketplace.Core.Amounts;
using Marketplace.Core.Plans;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Orders;

/// <summary>
/// The platform's minimum fee on a sale in one currency: <see cref="RateBps"/> of the amount (basis points, rounded half
/// away from zero to the minor unit) plus <see cref="FixedMinor"/> minor units, set to at least Stripe's processing fee
/// so that no sale costs the platform money (on a destination charge the platform pays Stripe's fee).
/// </summary>
public sealed class MinimumApplicationFee
{
    /// <summary>The percentage part, basis points (150 = 1.5 %), 0 to 10 000.</summary>
    public int RateBps { get; set; }

    /// <summary>The fixed part, minor units of the currency (whole units for zero-decimal ones), not negative.</summary>
    public long FixedMinor { get; set; }

    /// <summary>This minimum on a charge of <paramref name="amountMinor"/> in <paramref name="currency"/>, minor units.</summary>
    public long On(long amountMinor, string currency)
    {
        var step = Money.DecimalDigits(currency) == 3 ? 10m : 1m;
        var exact = amountMinor * (decimal)RateBps / 10_000m + FixedMinor;
        return (long)(Math.Ceiling(Math.Round(exact, MidpointRounding.AwayFromZero) / step) * step);
    }
}

/// <summary>
/// The application fee the platform takes on a sale (<c>payment_intent_data[application_fee_amount]</c>,
/// https://docs.stripe.com/connect/destination-charges#application-fee): the plan's commission
/// (<see cref="Commission.Fee"/>), but never less than the currency's minimum (<see cref="OrderOptions.MinimumApplicationFees"/>,
/// else <see cref="OrderOptions.DefaultMinimumApplicationFee"/>), which covers Stripe's processing fee; always below the
/// amount (capped at amount − 1 minor unit, Stripe's rule). Minor units of the charge's currency.
/// </summary>
public sealed class PlatformFees(IOptions<OrderOptions> options)
{
    /// <summary>The minimum fee of <paramref name="currency"/> (any case): its configured one, else the default.</summary>
    public MinimumApplicationFee MinimumFor(string currency) =>
        options.Value.MinimumApplicationFees.TryGetValue(currency.ToLowerInvariant(), out var minimum) ? minimum : options.Value.DefaultMinimumApplicationFee;

    /// <summary>
    /// The fee on a sale of <paramref name="amountMinor"/> in <paramref name="currency"/> at the commission
    /// <paramref name="rateBps"/>: max(commission, minimum), capped below the amount; 0 for a zero amount.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount, or a rate outside 0–10 000.</exception>
    public long For(long amountMinor, string currency, int rateBps)
    {
        var commission = Commission.Fee(amountMinor, currency, rateBps);
        if (amountMinor == 0) return 0;
        var step = Money.DecimalDigits(currency) == 3 ? 10L : 1L;
        var fee = Math.Max(commission, MinimumFor(currency).On(amountMinor, currency));
        return Math.Max(0, Math.Min(fee, amountMinor - step));
    }

    /// <summary>The minimum of <paramref name="currency"/> in words' parts: its percentage (e.g. 1.5) and its fixed part (minor units).</summary>
    public (decimal Percent, long FixedMinor) Describe(string currency)
    {
        var minimum = MinimumFor(currency);
        return (minimum.RateBps / 100m, minimum.FixedMinor);
    }
}
