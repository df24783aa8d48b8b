using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Memberships;

/// <summary>One line of a member's <c>/memberships</c>: creator, tier, Stripe's status, next payment (UTC), amount (minor units).</summary>
public sealed record MembershipLine(int Id, string CreatorName, string CreatorSlug, string TierName, string Status, DateTime? CurrentPeriodEnd,
    bool CancelAtPeriodEnd, long AmountMinor, string Currency, bool HasAccess, bool CanManage);

/// <summary>
/// A member's memberships (pending ones left out) and the Billing Portal (https://docs.stripe.com/api/customer_portal/sessions/create)
/// for the customer of one of them: cancel at period end, payment method, invoices.
/// </summary>
public sealed class MemberMemberships(MarketplaceDbContext db, IStripeGateway stripe, IOptions<MembershipOptions> options, TimeProvider clock)
{
    /// <summary>The user's memberships, newest first.</summary>
    public async Task<IReadOnlyList<MembershipLine>> ForMemberAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Memberships.AsNoTracking().Include(m => m.Tier)
            .Where(m => m.MemberUserId == userId && m.Status != Membership.PendingStatus)
            .Join(db.CreatorProfiles, m => m.CreatorProfileId, c => c.Id, (m, c) => new { m, c.DisplayName, c.Slug })
            .OrderByDescending(x => x.m.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(x => new MembershipLine(x.m.Id, x.DisplayName, x.Slug, x.m.Tier!.Name, x.m.Status, x.m.CurrentPeriodEnd,
            x.m.CancelAtPeriodEnd, x.m.AmountMinor, x.m.Currency, x.m.HasAccess(now, options.Value.PastDueGrace), x.m.StripeCustomerId is not null))];
    }

    /// <summary>
    /// The Billing Portal URL for the customer of the user's membership <paramref name="membershipId"/>, returning to
    /// <paramref name="returnUrl"/>; null when it is not theirs or has no customer yet. Throws what the gateway throws.
    /// </summary>
    public async Task<string?> PortalUrlAsync(string userId, int membershipId, string returnUrl, string locale, CancellationToken cancellationToken = default)
    {
        var customer = await db.Memberships.Where(m => m.Id == membershipId && m.MemberUserId == userId).Select(m => m.StripeCustomerId)
            .SingleOrDefaultAsync(cancellationToken);
        if (customer is null) return null;
        var session = await stripe.CreateBillingPortalSessionAsync(customer, returnUrl, locale,
            IdempotencyKeys.MembershipPortal(membershipId, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return session.Url;
    }
}
