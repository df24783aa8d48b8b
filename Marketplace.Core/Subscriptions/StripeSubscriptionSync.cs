using System.Globalization;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Plans;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.Core.Subscriptions;

/// <summary>
/// <c>ApplyStripeSubscription</c>: retrieves a subscription from Stripe and applies it to the creator it belongs to,
/// under a lock per subscription so two jobs (or a job and the checkout success page) never interleave. The creator
/// is found by the subscription id, else the hint (checkout session metadata), else <c>metadata[creator_id]</c> of the
/// subscription, else its Customer. A live subscription new to the creator goes through
/// <see cref="DuplicateSubscriptionGuard"/> first: when the creator already has an older live one, the new one is canceled
/// and the older one applied. A subscription that lapses (becomes <c>past_due</c> or <c>unpaid</c>: the payment guard fails)
/// has the creator's open buyer Checkout Sessions expired (<see cref="CheckoutClosing.ShopCheckoutClosing"/>).
/// </summary>
public sealed class StripeSubscriptionSync(
    MarketplaceDbContext db,
    IStripeGateway stripe,
    IDistributedLocks locks,
    DuplicateSubscriptionGuard duplicates,
    TimeProvider clock,
    Emails.EmailOutbox emails,
    CheckoutClosing.ShopCheckoutClosing closing,
    ILogger<StripeSubscriptionSync> logger)
{
    /// <summary>
    /// Applies subscription <paramref name="subscriptionId"/> (<c>sub_…</c>) and returns the creator's subscription row; its
    /// <see cref="CreatorSubscription.StripeSubscriptionId"/> is another one when this one was a duplicate, canceled.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// No creator can be linked to the subscription yet, or its price is not one of ours (retried by the job).
    /// </exception>
    /// <exception cref="StripeException">Stripe refused or failed the retrieve.</exception>
    public async Task<CreatorSubscription> ApplyAsync(string subscriptionId, int? creatorProfileIdHint, DateTime? eventCreatedAt,
        CancellationToken cancellationToken = default)
    {
        using var subscriptionLock = await locks.AcquireAsync($"stripe-subscription:{subscriptionId}", TimeSpan.FromMinutes(1), cancellationToken);
        var subscription = await stripe.GetSubscriptionAsync(subscriptionId, cancellationToken);
        var row = await FindCreatorSubscriptionAsync(subscription, creatorProfileIdHint, cancellationToken)
            ?? throw new InvalidOperationException($"No creator is linked to Stripe subscription {subscriptionId} (customer {subscription.CustomerId}) yet.");
        if (row.CreatorProfile?.Status == CreatorStatus.Deleted && DuplicateSubscriptionGuard.IsLive(subscription))
            subscription = await duplicates.EndForDeletedCreatorAsync(subscription, row.CreatorProfileId, cancellationToken);
        else if (row.StripeSubscriptionId != subscription.Id && DuplicateSubscriptionGuard.IsLive(subscription))
            subscription = await duplicates.KeepOldestAsync(subscription, row, cancellationToken);

        var item = subscription.Items?.Data?.FirstOrDefault()
            ?? throw new InvalidOperationException($"Stripe subscription {subscriptionId} has no item.");
        var price = await FindPriceAsync(item.Price, cancellationToken)
            ?? throw new InvalidOperationException($"Stripe price {item.Price?.Id} of subscription {subscriptionId} is not a plan price.");
        var freePlan = await db.Plans.SingleAsync(p => p.Code == PlanCodes.Free, cancellationToken);

        var snapshot = new StripeSubscriptionSnapshot(subscription.Id, subscription.CustomerId,
            StripeSubscriptionSnapshot.ParseStatus(subscription.Status), Utc(item.CurrentPeriodStart), Utc(item.CurrentPeriodEnd),
            subscription.CancelAtPeriodEnd, subscription.TrialEnd is { } trialEnd ? Utc(trialEnd) : null);
        var previousSubscriptionId = row.StripeSubscriptionId;
        var wasLapsed = Lapsed(row.Status);
        var changed = row.ApplyStripeSubscription(snapshot, price, freePlan, eventCreatedAt, clock.GetUtcNow().UtcDateTime);
        var emailed = await QueueEmailAsync(row, snapshot, previousSubscriptionId, price, cancellationToken);
        if (emailed) await db.SaveChangesAsync(cancellationToken);
        if (changed)
        {
            if (!emailed) await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Creator {CreatorId} subscription {StripeSubscriptionId} is now {PlanCode} {Status}",
                row.CreatorProfileId, subscriptionId, row.Plan?.Code, row.Status);
            if (!wasLapsed && Lapsed(row.Status) && row.StripeSubscriptionId == subscription.Id) closing.Close(row.CreatorProfileId, $"subscription {row.Status}");
        }

        return row;
    }

    /// <summary>
    /// The creator's row of subscription <paramref name="subscriptionId"/> when it has already applied a Stripe event
    /// created at <paramref name="eventCreatedAt"/> or later (its state was refetched no earlier than that event), read
    /// from the database only; null when there is no such row (then refetch with <see cref="ApplyAsync"/>).
    /// </summary>
    public Task<CreatorSubscription?> AppliedSinceAsync(string subscriptionId, DateTime eventCreatedAt, CancellationToken cancellationToken = default) =>
        db.CreatorSubscriptions.SingleOrDefaultAsync(
            s => s.StripeSubscriptionId == subscriptionId && s.LastStripeEventCreatedAt != null && s.LastStripeEventCreatedAt >= eventCreatedAt, cancellationToken);

    private static bool Lapsed(SubscriptionStatus status) => status is SubscriptionStatus.PastDue or SubscriptionStatus.Unpaid;

    /// <summary>
    /// "Subscription started" when a live subscription became the creator's now, "subscription ended" when their current
    /// one ended now; written in this save. Returns true when a row was added.
    /// </summary>
    private async Task<bool> QueueEmailAsync(CreatorSubscription row, StripeSubscriptionSnapshot snapshot, string? previousSubscriptionId, PlanPrice price,
        CancellationToken cancellationToken)
    {
        var started = !snapshot.IsTerminal && previousSubscriptionId != snapshot.Id && row.StripeSubscriptionId == snapshot.Id
            && snapshot.Status is SubscriptionStatus.Active or SubscriptionStatus.Trialing;
        var ended = snapshot.Status == SubscriptionStatus.Canceled && previousSubscriptionId == snapshot.Id;
        if (!started && !ended) return false;
        var to = await emails.CreatorAsync(row.CreatorProfileId, cancellationToken);
        if (to is null) return false;
        return started
            ? await emails.QueueAsync(Emails.EmailKinds.SubscriptionStarted, snapshot.Id, to,
                Emails.EmailModelKeys.Of((Emails.EmailModelKeys.PlanName, price.Plan?.NameIn(System.Globalization.CultureInfo.GetCultureInfo(to.Culture)))), cancellationToken)
            : await emails.QueueAsync(Emails.EmailKinds.SubscriptionEnded, snapshot.Id, to, Emails.EmailModelKeys.Of(), cancellationToken);
    }

    private async Task<CreatorSubscription?> FindCreatorSubscriptionAsync(Subscription subscription, int? hint, CancellationToken cancellationToken)
    {
        var query = db.CreatorSubscriptions.Include(s => s.Plan).Include(s => s.PlanPrice).Include(s => s.CreatorProfile);
        var row = await query.SingleOrDefaultAsync(s => s.StripeSubscriptionId == subscription.Id, cancellationToken);
        if (row is not null) return row;
        var creatorId = hint ?? StripeMetadataKeys.ReadCreatorId(subscription.Metadata);
        if (creatorId is not null) return await query.SingleOrDefaultAsync(s => s.CreatorProfileId == creatorId, cancellationToken);
        return await query.FirstOrDefaultAsync(s => s.StripeCustomerId == subscription.CustomerId, cancellationToken);
    }

    private async Task<PlanPrice?> FindPriceAsync(Price? price, CancellationToken cancellationToken)
    {
        if (price is null) return null;
        var byId = await db.PlanPrices.Include(p => p.Plan).SingleOrDefaultAsync(p => p.StripePriceId == price.Id, cancellationToken);
        if (byId is not null) return byId;
        return StripeMetadataKeys.ReadId(price.Metadata, StripeMetadataKeys.PlanPriceId) is { } id
            ? await db.PlanPrices.Include(p => p.Plan).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
            : null;
    }

    private static DateTime? Utc(DateTime value) => value == default ? null : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
