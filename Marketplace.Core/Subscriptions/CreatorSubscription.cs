using Marketplace.Core.Creators;
using Marketplace.Core.Plans;

namespace Marketplace.Core.Subscriptions;

/// <summary>
/// The plan a creator is on: exactly one row per creator. On the Free plan it has no Stripe ids; on a paid plan it
/// mirrors a Stripe Subscription (https://docs.stripe.com/api/subscriptions/object).
/// </summary>
public class CreatorSubscription
{
    private CreatorSubscription()
    {
    }

    /// <summary>Starts a creator on the Free plan at <paramref name="now"/> (UTC).</summary>
    /// <exception cref="DomainException">The plan given is not the Free plan.</exception>
    public static CreatorSubscription StartFree(CreatorProfile creator, Plan freePlan, DateTime now)
    {
        var subscription = new CreatorSubscription { CreatorProfile = creator };
        subscription.ActivateFreePlan(freePlan, now);
        return subscription;
    }

    public int Id { get; private set; }

    public int CreatorProfileId { get; private set; }

    public CreatorProfile? CreatorProfile { get; private set; }

    public int PlanId { get; private set; }

    public Plan? Plan { get; private set; }

    /// <summary>The price subscribed to; null on the Free plan.</summary>
    public int? PlanPriceId { get; private set; }

    public PlanPrice? PlanPrice { get; private set; }

    public SubscriptionStatus Status { get; private set; }

    /// <summary>Stripe Customer id (<c>cus_…</c>); kept after a cancellation so the next checkout reuses it.</summary>
    public string? StripeCustomerId { get; private set; }

    /// <summary>Stripe Subscription id (<c>sub_…</c>); null on the Free plan.</summary>
    public string? StripeSubscriptionId { get; private set; }

    /// <summary>Start of the current billing period, UTC.</summary>
    public DateTime? CurrentPeriodStart { get; private set; }

    /// <summary>End of the current billing period, UTC: the renewal date, or the end date when cancelling.</summary>
    public DateTime? CurrentPeriodEnd { get; private set; }

    public bool CancelAtPeriodEnd { get; private set; }

    /// <summary>End of the trial, UTC; null when there is none.</summary>
    public DateTime? TrialEnd { get; private set; }

    /// <summary>
    /// When the creator first had a trial on a paid plan, UTC; never cleared (a plan's trial applies to a creator's
    /// first paid subscription only).
    /// </summary>
    public DateTime? TrialConsumedAt { get; private set; }

    /// <summary>Stripe <c>created</c> (UTC) of the last event applied; older events never move the state back.</summary>
    public DateTime? LastStripeEventCreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>True when the creator is on the Free plan (no Stripe subscription).</summary>
    public bool IsFree => StripeSubscriptionId is null;

    /// <summary>
    /// True when a Stripe subscription's last payment failed (<c>past_due</c> or <c>unpaid</c>): the creator must update
    /// their payment method (the banner on every creator page).
    /// </summary>
    public bool NeedsPaymentMethod => !IsFree && Status is SubscriptionStatus.PastDue or SubscriptionStatus.Unpaid;

    /// <summary>
    /// Puts the creator on the Free plan at once: Active, no price, no Stripe subscription. The Stripe Customer id is
    /// kept for a later checkout. <paramref name="now"/> (UTC, from the caller's <see cref="TimeProvider"/>) becomes <see cref="UpdatedAt"/>.
    /// </summary>
    /// <exception cref="DomainException">The plan is not the Free plan, or is inactive.</exception>
    public void ActivateFreePlan(Plan freePlan, DateTime now)
    {
        if (!freePlan.IsFree) throw new DomainException($"{freePlan.Code} is not the free plan.");
        if (!freePlan.IsActive) throw new DomainException("The free plan is not available.");
        Plan = freePlan;
        PlanId = freePlan.Id;
        PlanPrice = null;
        PlanPriceId = null;
        Status = SubscriptionStatus.Active;
        StripeSubscriptionId = null;
        CurrentPeriodStart = null;
        CurrentPeriodEnd = null;
        CancelAtPeriodEnd = false;
        TrialEnd = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// Applies a freshly retrieved Stripe subscription, the one code path for webhooks and the checkout success page.
    /// A live subscription sets plan, price, status, period, <c>cancel_at_period_end</c> and trial end; a canceled or
    /// expired one puts the creator back on the Free plan. A subscription that is not the creator's current one and has
    /// ended changes nothing but a missing Customer id (a late event about an old subscription). Returns true when something changed.
    /// </summary>
    /// <param name="snapshot">The subscription as Stripe returned it just now.</param>
    /// <param name="price">Our price matching the subscription item's Stripe Price.</param>
    /// <param name="freePlan">The Free plan, for an ended subscription.</param>
    /// <param name="eventCreatedAt">Stripe <c>created</c> of the event that caused this, UTC; null for a direct read.</param>
    /// <param name="now">The caller's clock (UTC): <see cref="UpdatedAt"/>, and <see cref="TrialConsumedAt"/> on a first trial.</param>
    public bool ApplyStripeSubscription(StripeSubscriptionSnapshot snapshot, PlanPrice price, Plan freePlan, DateTime? eventCreatedAt, DateTime now)
    {
        var isCurrent = StripeSubscriptionId == snapshot.Id;
        if (snapshot.IsTerminal && !isCurrent)
        {
            // An ended subscription that is not the current one: only its Customer is worth keeping, for the next checkout.
            if (StripeCustomerId is not null) return false;
            StripeCustomerId = snapshot.CustomerId;
            return true;
        }

        if (eventCreatedAt is { } created && (LastStripeEventCreatedAt is null || created > LastStripeEventCreatedAt)) LastStripeEventCreatedAt = created;
        StripeCustomerId = snapshot.CustomerId;
        if (snapshot.IsTerminal)
        {
            ActivateFreePlan(freePlan, now);
            return true;
        }

        var before = (PlanPriceId, Status, StripeSubscriptionId, CurrentPeriodStart, CurrentPeriodEnd, CancelAtPeriodEnd, TrialEnd);
        Plan = price.Plan ?? throw new DomainException("The price's plan must be loaded.");
        PlanId = price.PlanId;
        PlanPrice = price;
        PlanPriceId = price.Id;
        Status = snapshot.Status;
        StripeSubscriptionId = snapshot.Id;
        CurrentPeriodStart = snapshot.CurrentPeriodStart;
        CurrentPeriodEnd = snapshot.CurrentPeriodEnd;
        CancelAtPeriodEnd = snapshot.CancelAtPeriodEnd;
        TrialEnd = snapshot.TrialEnd;
        if (snapshot.TrialEnd is not null) TrialConsumedAt ??= now;
        UpdatedAt = now;
        return before != (PlanPriceId, Status, StripeSubscriptionId, CurrentPeriodStart, CurrentPeriodEnd, CancelAtPeriodEnd, TrialEnd);
    }

    /// <summary>Records the Stripe Customer of this creator (<c>cus_…</c>) before any subscription exists.</summary>
    public void LinkStripeCustomer(string customerId) => StripeCustomerId = customerId;
}
