using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Connect;

/// <summary>
/// Sends a creator to Stripe's hosted Connect onboarding: creates their Express account once (ever), records it in
/// <see cref="CreatorStripeAccount"/>, and creates an account link (https://docs.stripe.com/connect/express-accounts).
/// </summary>
public sealed class ConnectOnboarding(
    MarketplaceDbContext db,
    IStripeGateway stripe,
    IDistributedLocks locks,
    IOptions<StripeOptions> options,
    ILogger<ConnectOnboarding> logger)
{
    /// <summary>
    /// Returns a fresh onboarding URL (<c>account_link.url</c>) for creator <paramref name="creatorProfileId"/>, creating
    /// their Express account (country <c>Stripe:ConnectDefaultCountry</c>, <paramref name="email"/>) and our row first
    /// if they have none. A retry after a failure reuses the account: our row if it was stored, else Stripe replays the
    /// create for the same idempotency key. <paramref name="refreshUrl"/> and <paramref name="returnUrl"/> are absolute.
    /// </summary>
    /// <exception cref="Stripe.StripeException">Stripe refused or failed a call.</exception>
    /// <exception cref="HttpRequestException">Stripe could not be reached.</exception>
    /// <exception cref="TaskCanceledException">A Stripe call timed out.</exception>
    public async Task<string> StartAsync(int creatorProfileId, string email, string refreshUrl, string returnUrl, CancellationToken cancellationToken = default)
    {
        var accountId = await EnsureAccountAsync(creatorProfileId, email, cancellationToken);
        var link = await stripe.CreateOnboardingLinkAsync(accountId, refreshUrl, returnUrl, cancellationToken);
        logger.LogInformation("Onboarding link created for Connect account {StripeAccountId} of creator {CreatorId}", accountId, creatorProfileId);
        return link.Url;
    }

    private async Task<string> EnsureAccountAsync(int creatorProfileId, string email, CancellationToken cancellationToken)
    {
        var existing = await AccountIdAsync(creatorProfileId, cancellationToken);
        if (existing is not null) return existing;

        using var creatorLock = await locks.AcquireAsync($"connect-onboarding:creator:{creatorProfileId}", TimeSpan.FromMinutes(1), cancellationToken);
        existing = await AccountIdAsync(creatorProfileId, cancellationToken);
        if (existing is not null) return existing;

        var account = await stripe.CreateExpressAccountAsync(creatorProfileId, email, options.Value.ConnectDefaultCountry, cancellationToken);
        // The Connect webhook may have linked it already (account.updated with metadata[creator_id]).
        if (await db.CreatorStripeAccounts.AnyAsync(a => a.StripeAccountId == account.Id, cancellationToken)) return account.Id;
        db.CreatorStripeAccounts.Add(new CreatorStripeAccount(creatorProfileId, account.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance (or the Connect webhook) inserted the row between our check and our insert: theirs is the one.
            db.ChangeTracker.Clear();
            var linked = await AccountIdAsync(creatorProfileId, cancellationToken);
            if (linked is null) throw;
            return linked;
        }

        logger.LogInformation("Created Connect account {StripeAccountId} for creator {CreatorId}", account.Id, creatorProfileId);
        return account.Id;
    }

    private Task<string?> AccountIdAsync(int creatorProfileId, CancellationToken cancellationToken) =>
        db.CreatorStripeAccounts.AsNoTracking().Where(a => a.CreatorProfileId == creatorProfileId)
            .Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken);
}
