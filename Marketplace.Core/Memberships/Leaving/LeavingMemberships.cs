using Marketplace.Core.Data;
using Marketplace.Core.Emails;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.Core.Memberships.Leaving;

/// <summary>
/// Memberships stop charging when someone leaves. When a creator or a member deletes their account, every membership
/// that may still bill (a <c>sub_…</c> whose status is not <c>canceled</c> or <c>incomplete_expired</c>) is canceled in
/// Stripe at once, the way <see cref="AccountDeletion.CreatorAccountDeletion"/> cancels the creator's own plan:
/// <c>DELETE /v1/subscriptions/{id}</c> through <see cref="IStripeGateway.CancelSubscriptionNowAsync"/> (no final invoice,
/// <c>prorate</c> left at Stripe's default, false: https://docs.stripe.com/api/subscriptions/cancel), so no further invoice,
/// charge or transfer follows. A subscription Stripe no longer holds bills nobody and is skipped. The membership takes the
/// canceled subscription at once (the <c>customer.subscription.deleted</c> webhook then confirms it). A creator's members
/// are then told by email and the creator's tiers archived, in the caller's unit of work (<see cref="TellMembersAndArchiveTiersAsync"/>).
/// </summary>
public sealed class LeavingMemberships(
    MarketplaceDbContext db,
    IStripeGateway stripe,
    EmailOutbox outbox,
    TimeProvider clock,
    ILogger<LeavingMemberships> logger)
{
    /// <summary>
    /// Cancels in Stripe every membership of creator <paramref name="creatorProfileId"/>'s tiers that may still bill, and
    /// saves their new status; returns the memberships it canceled. Throws what the gateway throws (a <see cref="StripeException"/> or a network error) on the
    /// first failure: the caller refuses the deletion; memberships already canceled stay canceled and are skipped on a retry.
    /// </summary>
    public Task<IReadOnlyList<Membership>> CancelCreatorMembershipsAsync(int creatorProfileId, CancellationToken cancellationToken = default) =>
        CancelAsync(db.Memberships.Where(m => m.CreatorProfileId == creatorProfileId), "The creator deleted their account.", cancellationToken);

    /// <summary>
    /// Cancels in Stripe every membership of member <paramref name="userId"/> (Identity user id) that may still bill, and
    /// saves their new status. Throws as <see cref="CancelCreatorMembershipsAsync"/>.
    /// </summary>
    public Task<IReadOnlyList<Membership>> CancelMemberMembershipsAsync(string userId, CancellationToken cancellationToken = default) =>
        CancelAsync(db.Memberships.Where(m => m.MemberUserId == userId), "The member deleted their account.", cancellationToken);

    /// <summary>
    /// Queues one <see cref="EmailKinds.MembershipEndedCreatorLeft"/> email per membership of <paramref name="ended"/>
    /// (those <see cref="CancelCreatorMembershipsAsync"/> canceled; key: the membership id and its <c>sub_…</c>) to its
    /// member, naming <paramref name="shopName"/> and the tier, and archives creator <paramref name="creatorProfileId"/>'s
    /// tiers. Only adds to the context: the caller's <c>SaveChanges</c> stores it with the deletion.
    /// </summary>
    public async Task TellMembersAndArchiveTiersAsync(int creatorProfileId, string shopName, IReadOnlyList<Membership> ended,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var tierNames = await db.MembershipTiers.Where(t => t.CreatorProfileId == creatorProfileId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        foreach (var membership in ended)
        {
            if (await outbox.UserAsync(membership.MemberUserId, null, cancellationToken) is not { } to) continue;
            await outbox.QueueAsync(EmailKinds.MembershipEndedCreatorLeft, $"{membership.Id}:{membership.StripeSubscriptionId}", to,
                new Dictionary<string, string> { [EmailModelKeys.ShopName] = shopName, [EmailModelKeys.TierName] = tierNames.GetValueOrDefault(membership.MembershipTierId, "") },
                cancellationToken);
        }

        foreach (var tier in await db.MembershipTiers.Where(t => t.CreatorProfileId == creatorProfileId && !t.IsArchived).ToListAsync(cancellationToken))
            tier.Archive(now);
    }

    private async Task<IReadOnlyList<Membership>> CancelAsync(IQueryable<Membership> memberships, string comment, CancellationToken cancellationToken)
    {
        var done = new List<Membership>();
        var billing = await memberships.Where(m => m.StripeSubscriptionId != null && m.Status != "canceled" && m.Status != "incomplete_expired")
            .ToListAsync(cancellationToken);
        foreach (var membership in billing)
        {
            var subscriptionId = membership.StripeSubscriptionId!;
            Subscription canceled;
            try
            {
                canceled = await stripe.CancelSubscriptionNowAsync(subscriptionId, comment, cancellationToken);
            }
            catch (StripeException ex) when (Marketplace.Core.Webhooks.Processing.StripeObjectAbsence.Describe(ex) is { } absence)
            {
                logger.LogWarning("Membership {MembershipId}: {StripeSubscriptionId} is not on this Stripe account ({Absence}); nothing of it to end",
                    membership.Id, subscriptionId, absence);
                continue;
            }

            var item = canceled.Items?.Data.FirstOrDefault();
            membership.ApplyStripe(canceled.Id, canceled.CustomerId ?? membership.StripeCustomerId ?? "", canceled.Status, item?.CurrentPeriodEnd,
                canceled.CancelAtPeriodEnd, item?.Price?.UnitAmount ?? membership.AmountMinor, item?.Price?.Currency ?? membership.Currency,
                item?.Price?.Recurring is { } recurring ? MembershipIntervals.FromStripe(recurring.Interval) : membership.Interval, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            done.Add(membership);
            logger.LogInformation("Membership {MembershipId}: Stripe subscription {StripeSubscriptionId} canceled at once ({Comment})",
                membership.Id, subscriptionId, comment);
        }

        return done;
    }
}
