using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Connect;

/// <summary>
/// The creator's way into Stripe's Express dashboard (payouts, bank details): a fresh single-use login link
/// (https://docs.stripe.com/api/accounts/login_link/create), only for an account whose details are submitted and that
/// is still connected.
/// </summary>
public sealed class ExpressDashboard(MarketplaceDbContext db, IStripeGateway stripe)
{
    /// <summary>True when the creator may open the dashboard (an account, details submitted, not deauthorized). No Stripe call.</summary>
    public Task<bool> IsAvailableAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        db.CreatorStripeAccounts.AnyAsync(a => a.CreatorProfileId == creatorProfileId && a.DetailsSubmitted && !a.IsDeauthorized, cancellationToken);

    /// <summary>A fresh login link URL; null when <see cref="IsAvailableAsync"/> is false (no Stripe call then). Throws what the gateway throws.</summary>
    public async Task<string?> LoginUrlAsync(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var accountId = await db.CreatorStripeAccounts
            .Where(a => a.CreatorProfileId == creatorProfileId && a.DetailsSubmitted && !a.IsDeauthorized)
            .Select(a => a.StripeAccountId).SingleOrDefaultAsync(cancellationToken);
        return accountId is null ? null : (await stripe.CreateLoginLinkAsync(accountId, cancellationToken)).Url;
    }
}
