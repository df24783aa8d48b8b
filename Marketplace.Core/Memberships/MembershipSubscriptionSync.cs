using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Core.Memberships;

/// <summary>
/// Applies a membership's Stripe Subscription, refetched (https://docs.stripe.com/api/subscriptions/retrieve), to its
/// <see cref="Membership"/>: found by <c>sub_…</c>, else by <c>metadata.membership_id</c>. Status, period end (the first
/// item's <c>current_period_end</c>), <c>cancel_at_period_end</c>, customer, amount. Under a per-membership lock, so
/// events in any order end in Stripe's state. A subscription that may still bill while its creator deleted their account,
/// or its member's user is gone (a Join's Checkout paid after the deletion), is canceled at once
/// (<see cref="IStripeGateway.CancelSubscriptionNowAsync"/>, as the deletion itself does) and the canceled state applied.
/// And records each paid invoice as a <see cref="MembershipPayment"/>.
/// </summary>
public sealed class MembershipSubscriptionSync(MarketplaceDbContext db, IStripeGateway stripe, IDistributedLocks locks, TimeProvider clock)
{
    /// <summary>
    /// Refetches and applies subscription <paramref name="subscriptionId"/>; returns the membership.
    /// <exception cref="InvalidOperationException">No membership is named by the subscription (retried: it may be a race with Join's save).</exception>
    /// </summary>
    public async Task<Membership> ApplyAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        var subscription = await stripe.GetSubscriptionAsync(subscriptionId, cancellationToken);
        var membershipId = StripeMetadataKeys.ReadId(subscription.Metadata, StripeMetadataKeys.MembershipId);
        using var held = await locks.AcquireAsync($"membership:subscription:{subscriptionId}", TimeSpan.FromSeconds(60), cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.StripeSubscriptionId == subscriptionId, cancellationToken)
            ?? (membershipId is { } id ? await db.Memberships.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) : null)
            ?? throw new InvalidOperationException($"No membership for subscription {subscriptionId}.");
        var item = subscription.Items.Data.FirstOrDefault();
        membership.ApplyStripe(subscription.Id, subscription.CustomerId, subscription.Status, item?.CurrentPeriodEnd,
            subscription.CancelAtPeriodEnd, item?.Price?.UnitAmount ?? membership.AmountMinor, item?.Price?.Currency ?? membership.Currency,
            item?.Price?.Recurring is { } recurring ? MembershipIntervals.FromStripe(recurring.Interval) : membership.Interval, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        if (subscription.Status is not ("canceled" or "incomplete_expired") && await LeftAsync(membership, cancellationToken) is { } who)
        {
            var canceled = await stripe.CancelSubscriptionNowAsync(subscription.Id, $"The {who} deleted their account.", cancellationToken);
            var canceledItem = canceled.Items?.Data.FirstOrDefault() ?? item;
            membership.ApplyStripe(canceled.Id, canceled.CustomerId ?? subscription.CustomerId, canceled.Status, canceledItem?.CurrentPeriodEnd,
                canceled.CancelAtPeriodEnd, membership.AmountMinor, membership.Currency, membership.Interval, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        return membership;
    }

    // "creator" or "member" when that side deleted their account; null while both are here.
    private async Task<string?> LeftAsync(Membership membership, CancellationToken cancellationToken)
    {
        if (await db.CreatorProfiles.AnyAsync(c => c.Id == membership.CreatorProfileId && c.Status == Creators.CreatorStatus.Deleted, cancellationToken))
            return "creator";
        var email = await db.Users.Where(u => u.Id == membership.MemberUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return email is null || AccountDeletion.DeletedAccounts.IsPlaceholder(email) ? "member" : null;
    }

    /// <summary>
    /// Records paid <paramref name="invoice"/> of <paramref name="membership"/> once: <c>amount_paid</c>, the charge's
    /// <c>application_fee_amount</c> (0 without one), <c>status_transitions.paid_at</c>. Running it twice leaves one row.
    /// </summary>
    public async Task RecordPaymentAsync(Membership membership, Invoice invoice, CancellationToken cancellationToken = default)
    {
        if (invoice.AmountPaid <= 0) return;
        using var held = await locks.AcquireAsync($"membership-payment:{invoice.Id}", TimeSpan.FromSeconds(60), cancellationToken);
        if (await db.MembershipPayments.AnyAsync(p => p.StripeInvoiceId == invoice.Id, cancellationToken)) return;
        var charge = await stripe.FindInvoiceChargeAsync(invoice.Id, cancellationToken);
        var paidAt = invoice.StatusTransitions?.PaidAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : clock.GetUtcNow().UtcDateTime;
        db.MembershipPayments.Add(new MembershipPayment(membership.Id, membership.CreatorProfileId, invoice.Id, invoice.AmountPaid,
            charge?.ApplicationFeeAmount ?? 0, invoice.Currency, paidAt));
        await db.SaveChangesAsync(cancellationToken);
    }
}
