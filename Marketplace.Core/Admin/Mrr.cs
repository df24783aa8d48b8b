using Marketplace.Core.Data;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Admin;

/// <summary>Monthly recurring revenue in one currency.</summary>
/// <param name="Currency">Lower-case ISO 4217 code.</param>
/// <param name="AmountMinor">MRR in minor units of <paramref name="Currency"/>.</param>
/// <param name="SubscriptionCount">Subscriptions counted.</param>
public sealed record MrrLine(string Currency, long AmountMinor, int SubscriptionCount);

/// <summary>
/// Monthly recurring revenue as Stripe Billing defines it (https://docs.stripe.com/billing/subscriptions/analytics):
/// current subscriptions whose status is <c>active</c> or <c>past_due</c> (trials are not revenue yet, so
/// <c>trialing</c> is left out, as are the Free plan and ended subscriptions). A monthly price counts as its amount, a
/// yearly price as a twelfth of it. Each currency is totalled on its own and never added to another.
/// </summary>
public static class Mrr
{
    /// <summary>The statuses whose subscriptions count towards MRR.</summary>
    public static IReadOnlyList<SubscriptionStatus> CountedStatuses { get; } = [SubscriptionStatus.Active, SubscriptionStatus.PastDue];

    /// <summary>
    /// MRR per currency, ordered by currency code. The sums per currency and interval are computed in SQL; the yearly
    /// total of a currency is then divided by 12 once and rounded half away from zero to a whole minor unit (so three
    /// yearly prices of 100 give 25, not 3 × 8).
    /// </summary>
    public static async Task<IReadOnlyList<MrrLine>> ComputeAsync(MarketplaceDbContext db, CancellationToken cancellationToken = default)
    {
        var sums = await SumsQuery(db).ToListAsync(cancellationToken);
        return Combine(sums);
    }

    /// <summary>The SQL part: per currency and interval, the sum of price amounts and the count of subscriptions.</summary>
    public static IQueryable<MrrSum> SumsQuery(MarketplaceDbContext db) =>
        db.CreatorSubscriptions.AsNoTracking()
            .Where(s => s.StripeSubscriptionId != null && s.PlanPriceId != null
                && (s.Status == SubscriptionStatus.Active || s.Status == SubscriptionStatus.PastDue))
            .GroupBy(s => new { s.PlanPrice!.Currency, s.PlanPrice.Interval })
            .Select(g => new MrrSum(g.Key.Currency, g.Key.Interval, g.Sum(s => s.PlanPrice!.AmountMinor), g.Count()));

    /// <summary>Turns the per-interval sums into MRR per currency (yearly ÷ 12, rounded half away from zero).</summary>
    public static IReadOnlyList<MrrLine> Combine(IEnumerable<MrrSum> sums) =>
    [
        .. sums.GroupBy(s => s.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var monthly = g.Where(s => s.Interval == PlanInterval.Month).Sum(s => s.AmountMinor);
                var yearly = g.Where(s => s.Interval == PlanInterval.Year).Sum(s => s.AmountMinor);
                var yearlyPerMonth = (long)Math.Round(yearly / 12m, MidpointRounding.AwayFromZero);
                return new MrrLine(g.Key, monthly + yearlyPerMonth, g.Sum(s => s.Count));
            }),
    ];
}

/// <summary>Sum of the price amounts (minor units) of <paramref name="Count"/> subscriptions in one currency and interval.</summary>
public sealed record MrrSum(string Currency, PlanInterval Interval, long AmountMinor, int Count);
