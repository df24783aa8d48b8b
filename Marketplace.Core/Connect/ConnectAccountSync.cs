using Marketplace.Core.CheckoutClosing;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Connect;

/// <summary>
/// Retrieves a Connect account from Stripe and applies it to our <see cref="CreatorStripeAccount"/>: the one code path
/// for the <c>account.updated</c>/<c>capability.updated</c> handlers and the onboarding return page. An account that loses
/// <c>charges_enabled</c> has its creator's open buyer Checkout Sessions expired (<see cref="ShopCheckoutClosing"/>).
/// </summary>
public sealed class ConnectAccountSync(
    MarketplaceDbContext db,
    IStripeGateway stripe,
    IDistributedLocks locks,
    TimeProvider clock,
    ShopCheckoutClosing closing,
    ILogger<ConnectAccountSync> logger)
{
    /// <summary>
    /// Syncs account <paramref name="stripeAccountId"/> (<c>acct_…</c>); returns our row, or null when the account is
    /// not one of our creators'. An account whose row is missing but whose <c>metadata[creator_id]</c> names a creator
    /// without one is linked (the app stopped between Stripe's create and our insert).
    /// </summary>
    /// <exception cref="Stripe.StripeException">Stripe refused or failed the retrieve.</exception>
    public async Task<CreatorStripeAccount?> SyncAsync(string stripeAccountId, DateTime? eventCreatedAt, CancellationToken cancellationToken = default)
    {
        using var accountLock = await locks.AcquireAsync($"stripe-account:{stripeAccountId}", TimeSpan.FromMinutes(1), cancellationToken);
        var account = await stripe.GetAccountAsync(stripeAccountId, cancellationToken);
        var row = await db.CreatorStripeAccounts.SingleOrDefaultAsync(a => a.StripeAccountId == stripeAccountId, cancellationToken);
        if (row is null)
        {
            var creatorId = StripeMetadataKeys.ReadCreatorId(account.Metadata);
            if (creatorId is null || await db.CreatorStripeAccounts.AnyAsync(a => a.CreatorProfileId == creatorId, cancellationToken)
                || !await db.CreatorProfiles.AnyAsync(c => c.Id == creatorId, cancellationToken))
                return null;
            row = new CreatorStripeAccount(creatorId.Value, stripeAccountId);
            db.CreatorStripeAccounts.Add(row);
        }

        var wasCharging = row.ChargesEnabled;
        var requirements = account.Requirements;
        var applied = row.ApplyStripeAccount(account.ChargesEnabled, account.PayoutsEnabled, account.DetailsSubmitted,
            requirements?.CurrentlyDue ?? [], requirements?.DisabledReason, clock.GetUtcNow().UtcDateTime, eventCreatedAt,
            requirements?.PastDue ?? [], requirements?.CurrentDeadline, account.Capabilities?.Transfers);
        if (applied)
        {
            row.ApplyCountry(account.Country, account.DefaultCurrency);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Connect account {StripeAccountId} of creator {CreatorId} is {OnboardingStatus}",
                stripeAccountId, row.CreatorProfileId, row.OnboardingStatus);
            if (wasCharging && !row.ChargesEnabled) closing.Close(row.CreatorProfileId, "charges_enabled is false");
        }

        return row;
    }

    /// <summary>Marks an account deauthorized (<c>account.application.deauthorized</c>); false when it is not ours.</summary>
    public async Task<bool> MarkDeauthorizedAsync(string stripeAccountId, CancellationToken cancellationToken = default)
    {
        // The same lock as SyncAsync: a sync that read the account before the platform lost it cannot write after this.
        using var accountLock = await locks.AcquireAsync($"stripe-account:{stripeAccountId}", TimeSpan.FromMinutes(1), cancellationToken);
        var row = await db.CreatorStripeAccounts.SingleOrDefaultAsync(a => a.StripeAccountId == stripeAccountId, cancellationToken);
        if (row is null) return false;
        if (!row.IsDeauthorized)
        {
            row.MarkDeauthorized(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Connect account {StripeAccountId} of creator {CreatorId} deauthorized the platform", stripeAccountId, row.CreatorProfileId);
        }

        return true;
    }
}
