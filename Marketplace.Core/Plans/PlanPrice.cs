using Marketplace.Core.Amounts;

namespace Marketplace.Core.Plans;

/// <summary>
/// A recurring price of a <see cref="Plan"/>: one Stripe Price (https://docs.stripe.com/api/prices).
/// Amounts are minor units (cents; whole units for zero-decimal currencies such as XAF or JPY).
/// </summary>
public class PlanPrice
{
    private PlanPrice()
    {
    }

    internal PlanPrice(Plan plan, PlanInterval interval, long amountMinor, string currency)
    {
        EnsureAmount(amountMinor);
        if (!currency.All(char.IsAsciiLetterLower) || !StripeCurrencies.IsSupported(currency))
            throw new DomainException("'{0}' is not a currency Stripe charges in (ISO 4217, lower case).", currency);
        Plan = plan;
        Interval = interval;
        AmountMinor = amountMinor;
        Currency = currency;
        IsActive = true;
        LookupKey = BuildLookupKey(plan.Code, interval, currency);
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public Plan? Plan { get; private set; }

    public PlanInterval Interval { get; private set; }

    /// <summary>Amount in the currency's minor unit, e.g. 1900 = €19.00, 5000 = 5,000 XAF.</summary>
    public long AmountMinor { get; private set; }

    /// <summary>ISO 4217 code in lower case, as Stripe writes it (<c>eur</c>).</summary>
    public string Currency { get; private set; } = "";

    public bool IsActive { get; private set; }

    /// <summary>Stripe Price id (<c>price_…</c>) once synced; null before.</summary>
    public string? StripePriceId { get; private set; }

    /// <summary>Stripe <c>lookup_key</c>, e.g. <c>plan_silver_month_eur</c>.</summary>
    public string LookupKey { get; private set; } = "";

    /// <summary>When this price was last checked against Stripe, UTC.</summary>
    public DateTime? LastSyncedAt { get; private set; }

    /// <summary>The <c>lookup_key</c> for a plan code, interval and currency: <c>plan_{code}_{interval}_{currency}</c>.</summary>
    public static string BuildLookupKey(string planCode, PlanInterval interval, string currency) =>
        $"plan_{planCode.ToLowerInvariant()}_{interval.ToString().ToLowerInvariant()}_{currency.ToLowerInvariant()}";

    /// <summary>
    /// Changes the amount. Stripe Prices are immutable, so the Stripe id is dropped and the next sync creates a new Price.
    /// </summary>
    /// <exception cref="DomainException">The amount is negative or above Stripe's maximum charge amount.</exception>
    public void ChangeAmount(long amountMinor)
    {
        EnsureAmount(amountMinor);
        if (amountMinor == AmountMinor) return;
        AmountMinor = amountMinor;
        StripePriceId = null;
        LastSyncedAt = null;
    }

    /// <summary>Records the Stripe Price that matches this price, and when it was checked (UTC).</summary>
    public void MarkSynced(string stripePriceId, DateTime syncedAt)
    {
        StripePriceId = stripePriceId;
        LastSyncedAt = syncedAt;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static void EnsureAmount(long amountMinor)
    {
        if (amountMinor < 0) throw new DomainException("A price cannot be negative.");
        if (amountMinor > StripeCurrencies.MaxAmountMinor) throw new DomainException("A price is at most {0} minor units (Stripe's maximum charge amount).", StripeCurrencies.MaxAmountMinor);
    }
}
