using Marketplace.Core.Plans;
using Marketplace.Core.Amounts;

namespace Marketplace.Core.Orders;

/// <summary>
/// The platform's commission on a sale, sent to Stripe as <c>application_fee_amount</c>
/// (https://docs.stripe.com/connect/marketplace/tasks/app-fees): a positive amount below the charge, in the charge's
/// minor units.
/// </summary>
public static class Commission
{
    /// <summary>
    /// amount × <paramref name="rateBps"/> / 10 000 in minor units of <paramref name="currency"/>, rounded half away
    /// from zero (0.5 cent → 1 cent; 0.5 franc → 1 franc for zero-decimal currencies such as XAF and JPY, whose minor
    /// unit is the whole unit). Three-decimal currencies (KWD, BHD, …) round to a multiple of 10, as Stripe requires.
    /// Never equal to or above the amount (capped at amount − 1 minor unit); 0 when the rate is 0 or the amount is 0,
    /// which means no <c>application_fee_amount</c> is sent.
    /// </summary>
    /// <param name="amountMinor">The charge, minor units, not negative.</param>
    /// <param name="currency">ISO 4217, any case.</param>
    /// <param name="rateBps">Basis points, 0 to 10 000 (1000 = 10 %).</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative amount, or a rate outside 0–10 000.</exception>
    public static long Fee(long amountMinor, string currency, int rateBps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountMinor);
        ArgumentOutOfRangeException.ThrowIfNegative(rateBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rateBps, 10_000);
        if (rateBps == 0 || amountMinor == 0) return 0;
        var step = Money.DecimalDigits(currency) == 3 ? 10m : 1m;
        var exact = amountMinor * (decimal)rateBps / 10_000m;
        var fee = (long)(Math.Round(exact / step, MidpointRounding.AwayFromZero) * step);
        return Math.Max(0, Math.Min(fee, amountMinor - (long)step));
    }
}
