using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Payouts;

/// <summary>
/// Retrieves a payout of a creator's Connect account from Stripe (with <c>Stripe-Account</c>) and upserts our
/// <see cref="Payout"/> row: the one code path of the <c>payout.*</c> handlers. Whatever event arrives, in whatever
/// order and however often, the row ends in Stripe's current state; a payout that failed emails the creator once. Scoped.
/// </summary>
public sealed class PayoutSync(
    MarketplaceDbContext db,
    IStripeGateway stripe,
    IDistributedLocks locks,
    ConnectBalanceQuery balances,
    Emails.EmailOutbox emails,
    TimeProvider clock,
    ILogger<PayoutSync> logger)
{
    /// <summary>
    /// Syncs payout <paramref name="stripePayoutId"/> (<c>po_…</c>) of account <paramref name="stripeAccountId"/>
    /// (<c>acct_…</c>). Returns null when done, or why nothing was recorded (the account is not a creator's, Stripe's
    /// status is unknown here).
    /// </summary>
    /// <exception cref="Stripe.StripeException">Stripe refused or failed the retrieve (404 <c>resource_missing</c> for a payout it does not hold).</exception>
    public async Task<string?> SyncAsync(string stripeAccountId, string stripePayoutId, CancellationToken cancellationToken = default)
    {
        var creatorId = await db.CreatorStripeAccounts.Where(a => a.StripeAccountId == stripeAccountId)
            .Select(a => (int?)a.CreatorProfileId).SingleOrDefaultAsync(cancellationToken);
        if (creatorId is null) return $"account {stripeAccountId} is not a creator's";

        using var payoutLock = await locks.AcquireAsync($"stripe-payout:{stripePayoutId}", TimeSpan.FromMinutes(1), cancellationToken);
        var fromStripe = await stripe.GetPayoutAsync(stripeAccountId, stripePayoutId, cancellationToken);
        if (PayoutStatuses.FromStripe(fromStripe.Status) is not { } status) return $"payout {stripePayoutId} has status '{fromStripe.Status}', unknown here";

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Payouts.SingleOrDefaultAsync(p => p.StripePayoutId == stripePayoutId, cancellationToken);
        if (row is null)
        {
            row = new Payout(creatorId.Value, stripeAccountId, stripePayoutId, now);
            db.Payouts.Add(row);
        }

        var snapshot = new StripePayoutSnapshot(fromStripe.Id, fromStripe.Amount, fromStripe.Currency, fromStripe.ArrivalDate, status,
            NullIfEmpty(fromStripe.FailureCode), NullIfEmpty(fromStripe.FailureMessage), fromStripe.Created);
        if (row.ApplyStripePayout(snapshot, now))
        {
            if (row.Status == PayoutStatus.Failed && await emails.CreatorAsync(creatorId.Value, cancellationToken) is { } to)
                await emails.QueueAsync(Emails.EmailKinds.PayoutFailed, stripePayoutId, to, Emails.EmailModelKeys.Of(
                    (Emails.EmailModelKeys.Amount, row.AmountMinor), (Emails.EmailModelKeys.Currency, row.Currency),
                    (Emails.EmailModelKeys.FailureCode, row.FailureCode), (Emails.EmailModelKeys.Reason, row.FailureMessage)), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            balances.Forget(stripeAccountId); // the balance moved with the payout
            logger.LogInformation("Payout {StripePayoutId} of account {StripeAccountId} (creator {CreatorId}) is {PayoutStatus}{FailureCode}",
                stripePayoutId, stripeAccountId, creatorId, status.ToStripe(), row.FailureCode is null ? "" : $" ({row.FailureCode})");
        }

        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
