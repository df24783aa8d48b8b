using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Memberships;

/// <summary>
/// A creator's members in one currency: live members now, their monthly recurring revenue, and the members who started
/// or ended in the last <see cref="MembershipNumbers.Days"/> days.
/// </summary>
/// <param name="Currency">ISO 4217, lower case.</param>
/// <param name="Members">Memberships whose status is <c>active</c>, <c>trialing</c> or <c>past_due</c>.</param>
/// <param name="MrrMinor">Monthly recurring revenue in minor units, see <see cref="MembershipNumbers.MonthlyRecurring"/>.</param>
/// <param name="NewMembers">Memberships whose current run started (<see cref="Membership.StartedAt"/>) in the period.</param>
/// <param name="ChurnedMembers">Memberships that ended (<see cref="Membership.EndedAt"/>) in the period.</param>
public sealed record MembershipNumbersLine(string Currency, int Members, long MrrMinor, int NewMembers, int ChurnedMembers);

/// <summary>Members' monthly recurring revenue in one currency, over every creator (the admin's dashboard).</summary>
/// <param name="Currency">ISO 4217, lower case.</param>
/// <param name="MrrMinor">Minor units, see <see cref="MembershipNumbers.MonthlyRecurring"/>.</param>
/// <param name="Members">Memberships counted.</param>
public sealed record MembersMrrLine(string Currency, long MrrMinor, int Members);

/// <summary>Membership payments of one currency over a period.</summary>
/// <param name="Currency">ISO 4217, lower case.</param>
/// <param name="Payments">Paid invoices.</param>
/// <param name="AmountMinor">What members paid, minor units.</param>
/// <param name="ApplicationFeeMinor">The platform's application fees on them, minor units.</param>
public sealed record MembershipFeesLine(string Currency, int Payments, long AmountMinor, long ApplicationFeeMinor);

/// <summary>
/// Membership figures from aggregate queries on <c>Memberships</c> (grouped in SQL, never every row loaded). Monthly
/// recurring revenue follows Stripe Billing's definition (https://docs.stripe.com/billing/subscriptions/analytics):
/// memberships <c>active</c> or <c>past_due</c> (a trial is not revenue yet), a monthly price as its amount, a yearly price
/// as a twelfth of it: the yearly total of a currency divided by 12 and rounded down to the minor unit. Currencies are
/// never added together.
/// </summary>
public sealed class MembershipNumbers(MarketplaceDbContext db, TimeProvider clock)
{
    /// <summary>How many days back "new" and "churned" look, today included (the app's clock).</summary>
    public const int Days = 30;

    /// <summary>The figures of creator <paramref name="creatorProfileId"/> per currency, ordered by currency; empty when they never had a member.</summary>
    public async Task<IReadOnlyList<MembershipNumbersLine>> ForCreatorAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Days);
        var mine = db.Memberships.AsNoTracking().Where(m => m.CreatorProfileId == creatorProfileId);
        var live = await mine.Where(m => m.Status == "active" || m.Status == "trialing" || m.Status == "past_due")
            .GroupBy(m => new { m.Currency, m.Interval })
            .Select(g => new Sum(g.Key.Currency, g.Key.Interval, g.Count(), g.Sum(m => m.Status == "trialing" ? 0 : m.AmountMinor)))
            .ToListAsync(cancellationToken);
        var started = await mine.Where(m => m.StartedAt >= since).GroupBy(m => m.Currency)
            .Select(g => new { Currency = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Currency, x => x.Count, cancellationToken);
        var ended = await mine.Where(m => m.EndedAt >= since).GroupBy(m => m.Currency)
            .Select(g => new { Currency = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Currency, x => x.Count, cancellationToken);
        return
        [
            .. live.Select(s => s.Currency).Concat(started.Keys).Concat(ended.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(c => new MembershipNumbersLine(c, live.Where(s => s.Currency == c).Sum(s => s.Count), MonthlyRecurring(live.Where(s => s.Currency == c)),
                    started.GetValueOrDefault(c), ended.GetValueOrDefault(c))),
        ];
    }

    /// <summary>Members' MRR of every creator per currency, ordered by currency (memberships <c>active</c> or <c>past_due</c>).</summary>
    public async Task<IReadOnlyList<MembersMrrLine>> MrrAsync(CancellationToken cancellationToken = default)
    {
        var sums = await db.Memberships.AsNoTracking().Where(m => m.Status == "active" || m.Status == "past_due")
            .GroupBy(m => new { m.Currency, m.Interval })
            .Select(g => new Sum(g.Key.Currency, g.Key.Interval, g.Count(), g.Sum(m => m.AmountMinor)))
            .ToListAsync(cancellationToken);
        return [.. sums.GroupBy(s => s.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MembersMrrLine(g.Key, MonthlyRecurring(g), g.Sum(s => s.Count)))];
    }

    /// <summary>
    /// Membership payments (paid invoices) with <paramref name="fromUtc"/> ≤ <c>PaidAt</c> &lt; <paramref name="toUtc"/>, summed
    /// per currency in SQL, ordered by currency: how many, what members paid and the platform's application fees (minor units).
    /// </summary>
    public async Task<IReadOnlyList<MembershipFeesLine>> FeesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var sums = await db.MembershipPayments.AsNoTracking().Where(p => p.PaidAt >= fromUtc && p.PaidAt < toUtc)
            .GroupBy(p => p.Currency)
            .Select(g => new MembershipFeesLine(g.Key, g.Count(), g.Sum(p => p.AmountMinor), g.Sum(p => p.ApplicationFeeMinor)))
            .ToListAsync(cancellationToken);
        return [.. sums.OrderBy(s => s.Currency, StringComparer.Ordinal)];
    }

    /// <summary>
    /// MRR of one currency's sums: monthly amounts in full plus the yearly total ÷ 12 rounded down (minor units).
    /// </summary>
    public static long MonthlyRecurring(IEnumerable<Sum> sums)
    {
        long monthly = 0, yearly = 0;
        foreach (var s in sums)
            if (s.Interval == MembershipInterval.Year) yearly += s.AmountMinor;
            else monthly += s.AmountMinor;
        return monthly + yearly / 12;
    }

    /// <summary>Per currency and interval: <paramref name="Count"/> memberships and the sum of their revenue-counting amounts (minor units).</summary>
    public sealed record Sum(string Currency, MembershipInterval Interval, int Count, long AmountMinor);
}
