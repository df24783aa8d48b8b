using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Payouts;

/// <summary>
/// A payout on its way to the creator's bank, as Stripe lists it now: <paramref name="AmountMinor"/> minor units of
/// <paramref name="Currency"/> (lower case), the UTC day Stripe expects it in the bank (<paramref name="ArrivalDate"/>,
/// Stripe's <c>arrival_date</c>), and Stripe's <paramref name="Status"/>, <c>pending</c> or <c>in_transit</c>.
/// </summary>
public sealed record UpcomingPayout(long AmountMinor, string Currency, DateTime ArrivalDate, string Status);

/// <summary>
/// What <c>/creator</c> shows of the money at Stripe: <paramref name="HasAccount"/> false before onboarding (nothing
/// read); otherwise the <paramref name="Balance"/> per currency and the <paramref name="UpcomingPayouts"/> (earliest
/// arrival first; empty when none is on its way), each null when Stripe could not answer.
/// </summary>
public sealed record CreatorMoney(bool HasAccount, IReadOnlyList<BalanceAmount>? Balance, IReadOnlyList<UpcomingPayout>? UpcomingPayouts)
{
    /// <summary>The payout that reaches the bank first, or null (none on its way, or Stripe could not answer).</summary>
    public UpcomingPayout? NextPayout => UpcomingPayouts?.FirstOrDefault();
}

public sealed partial class ConnectBalanceQuery
{
    /// <summary>How many of the account's most recent payouts are read to find those still on their way.</summary>
    public const int RecentPayoutsRead = 10;

    /// <summary>
    /// The balance and the upcoming payouts of the creator's onboarded, connected account, read at the same time (each
    /// cached <see cref="CacheDuration"/>); <see cref="CreatorMoney.HasAccount"/> false (and no Stripe call) without one.
    /// Never throws for a Stripe failure: the part Stripe did not give is null.
    /// </summary>
    public async Task<CreatorMoney> MoneyForCreatorAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var accountId = await db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorProfileId && a.DetailsSubmitted && !a.IsDeauthorized)
            .Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken);
        if (accountId is null) return new CreatorMoney(false, null, null);
        var balance = ForAccountAsync(accountId, cancellationToken);
        var payouts = UpcomingPayoutsAsync(accountId, cancellationToken);
        return new CreatorMoney(true, await balance, await payouts);
    }

    /// <summary>
    /// The payouts of <paramref name="stripeAccountId"/> still on their way to the bank (<c>pending</c> or
    /// <c>in_transit</c>), earliest <c>arrival_date</c> first, found among its <see cref="RecentPayoutsRead"/> most
    /// recent payouts (<c>GET /v1/payouts</c> with <c>Stripe-Account</c>, https://docs.stripe.com/api/payouts/list: newest
    /// first, and a payout leaves those two statuses once it arrives, so the ones on their way are the newest). One call
    /// covers both statuses where a <c>status</c> filter would need two. Null when Stripe could not be reached or refused
    /// (not cached); a cancelled request still throws.
    /// </summary>
    public async Task<IReadOnlyList<UpcomingPayout>?> UpcomingPayoutsAsync(string stripeAccountId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(PayoutsKey(stripeAccountId), out IReadOnlyList<UpcomingPayout>? cached)) return cached;
        try
        {
            var recent = await stripe.ListRecentPayoutsAsync(stripeAccountId, RecentPayoutsRead, cancellationToken);
            IReadOnlyList<UpcomingPayout> upcoming = [.. (recent.Data ?? []).Where(p => p.Status is "pending" or "in_transit")
                .Select(p => new UpcomingPayout(p.Amount, p.Currency.ToLowerInvariant(), DateTime.SpecifyKind(p.ArrivalDate, DateTimeKind.Utc), p.Status))
                .OrderBy(p => p.ArrivalDate)];
            cache.Set(PayoutsKey(stripeAccountId), upcoming, CacheDuration);
            return upcoming;
        }
        catch (Exception ex) when (StripeFailure.From(ex, cancellationToken) is not null)
        {
            logger.LogWarning(ex, "Could not list the payouts of Connect account {StripeAccountId}", stripeAccountId);
            return null;
        }
    }

    private static string PayoutsKey(string stripeAccountId) => $"connect-upcoming-payouts:{stripeAccountId}";
}
