using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Payouts;

/// <summary>One currency of a Connect account's balance: <c>available</c> and <c>pending</c>, minor units of <paramref name="Currency"/> (lower case).</summary>
public sealed record BalanceAmount(string Currency, long AvailableMinor, long PendingMinor);

/// <summary>
/// What the sales page shows of the balance: <paramref name="HasAccount"/> false before onboarding; otherwise
/// <paramref name="Amounts"/> per currency, or null when Stripe could not answer ("balance unavailable").
/// </summary>
public sealed record CreatorBalance(bool HasAccount, IReadOnlyList<BalanceAmount>? Amounts);

/// <summary>
/// A creator's Connect account balance for the sales page and <c>/creator</c>, read from <c>GET /v1/balance</c> with <c>Stripe-Account</c>
/// (https://docs.stripe.com/api/balance/balance_retrieve) and kept in <see cref="IMemoryCache"/> for
/// <see cref="CacheDuration"/> (per process), so a creator reloading the page does not call Stripe each time. A payout
/// applied by <see cref="PayoutSync"/> forgets the cached balance of its account. Scoped (the cache is the app's singleton).
/// </summary>
public sealed partial class ConnectBalanceQuery(MarketplaceDbContext db, IMemoryCache cache, IStripeGateway stripe, ILogger<ConnectBalanceQuery> logger)
{
    /// <summary>How long a balance read from Stripe is shown before it is read again.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The balance of the creator's Connect account (<see cref="ForAccountAsync"/>); <see cref="CreatorBalance.HasAccount"/>
    /// false (and no Stripe call) while the creator has no onboarded, connected account.
    /// </summary>
    public async Task<CreatorBalance> ForCreatorAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var accountId = await db.CreatorStripeAccounts.Where(a => a.CreatorProfileId == creatorProfileId && a.DetailsSubmitted && !a.IsDeauthorized)
            .Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken);
        return accountId is null ? new CreatorBalance(false, null) : new CreatorBalance(true, await ForAccountAsync(accountId, cancellationToken));
    }

    /// <summary>
    /// The balance of <paramref name="stripeAccountId"/> per currency (available and pending merged by currency,
    /// ordered by currency); null when Stripe could not be reached or refused (nothing is cached then: the next view
    /// asks again). Never throws for a Stripe failure; a cancelled request still throws.
    /// </summary>
    public async Task<IReadOnlyList<BalanceAmount>?> ForAccountAsync(string stripeAccountId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(Key(stripeAccountId), out IReadOnlyList<BalanceAmount>? cached)) return cached;
        try
        {
            var balance = await stripe.GetConnectBalanceAsync(stripeAccountId, cancellationToken);
            var amounts = (balance.Available ?? []).Select(a => (Currency: a.Currency.ToLowerInvariant(), Available: a.Amount, Pending: 0L))
                .Concat((balance.Pending ?? []).Select(p => (Currency: p.Currency.ToLowerInvariant(), Available: 0L, Pending: p.Amount)))
                .GroupBy(a => a.Currency)
                .Select(g => new BalanceAmount(g.Key, g.Sum(a => a.Available), g.Sum(a => a.Pending)))
                .OrderBy(a => a.Currency, StringComparer.Ordinal).ToList();
            cache.Set(Key(stripeAccountId), (IReadOnlyList<BalanceAmount>)amounts, CacheDuration);
            return amounts;
        }
        catch (Exception ex) when (StripeFailure.From(ex, cancellationToken) is not null)
        {
            logger.LogWarning(ex, "Could not read the balance of Connect account {StripeAccountId}", stripeAccountId);
            return null;
        }
    }

    /// <summary>Drops the cached balance and upcoming payouts of <paramref name="stripeAccountId"/> (they changed).</summary>
    public void Forget(string stripeAccountId)
    {
        cache.Remove(Key(stripeAccountId));
        cache.Remove(PayoutsKey(stripeAccountId));
    }

    private static string Key(string stripeAccountId) => $"connect-balance:{stripeAccountId}";
}
