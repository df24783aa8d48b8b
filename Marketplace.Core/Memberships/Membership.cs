namespace Marketplace.Core.Memberships;

/// <summary>
/// A signed-in user's membership of a creator, at one <see cref="MembershipTier"/>: created Pending when they click Join
/// (its id is in the Checkout Session's and the Subscription's <c>metadata.membership_id</c>), then a cache of the Stripe
/// Subscription (https://docs.stripe.com/api/subscriptions/object) kept by the membership webhook handlers: status,
/// current period end, cancel at period end. One per member and creator: joining again after the end reuses it.
/// </summary>
public class Membership
{
    /// <summary>The status before Stripe has a subscription (Join clicked, Checkout not completed).</summary>
    public const string PendingStatus = "pending";

    private Membership()
    {
    }

    /// <summary>A pending membership of <paramref name="memberUserId"/> (Identity user id) at <paramref name="tier"/>.</summary>
    public Membership(string memberUserId, MembershipTier tier, DateTime now)
    {
        MemberUserId = memberUserId;
        CreatorProfileId = tier.CreatorProfileId;
        CreatedAt = now;
        Restart(tier, now);
    }

    public int Id { get; private set; }

    /// <summary>The member's Identity user id.</summary>
    public string MemberUserId { get; private set; } = "";

    public int CreatorProfileId { get; private set; }

    public int MembershipTierId { get; private set; }

    public MembershipTier? Tier { get; private set; }

    /// <summary><c>sub_…</c> once Checkout completed.</summary>
    public string? StripeSubscriptionId { get; private set; }

    /// <summary><c>cus_…</c> of the member (the Billing Portal's customer).</summary>
    public string? StripeCustomerId { get; private set; }

    /// <summary>Stripe's subscription status (<c>active</c>, <c>trialing</c>, <c>past_due</c>, <c>canceled</c>, <c>unpaid</c>, <c>incomplete</c>…) or <see cref="PendingStatus"/>.</summary>
    public string Status { get; private set; } = PendingStatus;

    /// <summary>End of the paid period (UTC): the next payment, or the end of access when canceling.</summary>
    public DateTime? CurrentPeriodEnd { get; private set; }

    /// <summary>The member asked to stop at the period end (Billing Portal).</summary>
    public bool CancelAtPeriodEnd { get; private set; }

    /// <summary>The amount billed every <see cref="Interval"/>, in minor units of <see cref="Currency"/>, from the subscription's price.</summary>
    public long AmountMinor { get; private set; }

    /// <summary>ISO 4217, lower case.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>How often <see cref="AmountMinor"/> is billed (the subscription's price's <c>recurring.interval</c>).</summary>
    public MembershipInterval Interval { get; private set; }

    /// <summary>
    /// UTC: when the current (or last) run of the membership became live (<see cref="IsLiveStatus"/>), by the app's clock
    /// when the subscription was applied; null while it never was. A member who comes back after an end starts a new run.
    /// </summary>
    public DateTime? StartedAt { get; private set; }

    /// <summary>UTC: when the run that <see cref="StartedAt"/> began ended (<c>canceled</c>, <c>unpaid</c>, <c>incomplete_expired</c>); null while live or never started.</summary>
    public DateTime? EndedAt { get; private set; }

    /// <summary>The member asked for no more emails about the creator's posts (the link in those emails).</summary>
    public bool PostEmailsOff { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>UTC; also makes a new Join after a change a new Checkout request.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>
    /// Stripe's rule (https://docs.stripe.com/billing/subscriptions/overview#subscription-statuses): <c>active</c> and
    /// <c>trialing</c> give access; <c>past_due</c> keeps it until <see cref="CurrentPeriodEnd"/> + <paramref name="pastDueGrace"/>;
    /// anything else (<c>canceled</c>, <c>unpaid</c>, <c>incomplete</c>, pending) gives none.
    /// </summary>
    public bool HasAccess(DateTime now, TimeSpan pastDueGrace) => Status switch
    {
        "active" or "trialing" => true,
        "past_due" => CurrentPeriodEnd is { } end && now < end + pastDueGrace,
        _ => false,
    };

    /// <summary>A subscription status that makes a member count: <c>active</c>, <c>trialing</c>, <c>past_due</c>.</summary>
    public static bool IsLiveStatus(string status) => status is "active" or "trialing" or "past_due";

    /// <summary>A subscription status after which Stripe bills no more: <c>canceled</c>, <c>unpaid</c>, <c>incomplete_expired</c>.</summary>
    public static bool IsEndedStatus(string status) => status is "canceled" or "unpaid" or "incomplete_expired";

    /// <summary>Back to pending at <paramref name="tier"/> for a new Join (the previous subscription ended or never started).</summary>
    public void Restart(MembershipTier tier, DateTime now)
    {
        MembershipTierId = tier.Id;
        AmountMinor = tier.MonthlyAmountMinor;
        Currency = tier.Currency;
        Interval = MembershipInterval.Month;
        Status = PendingStatus;
        StripeSubscriptionId = null;
        CurrentPeriodEnd = null;
        CancelAtPeriodEnd = false;
        UpdatedAt = now;
    }

    /// <summary>
    /// Applies the refetched Stripe subscription (amount in minor units per <paramref name="interval"/>, period end UTC).
    /// Becoming live opens a run (<see cref="StartedAt"/> = <paramref name="now"/>) unless one is open; ending closes it
    /// (<see cref="EndedAt"/> = <paramref name="now"/>) once.
    /// </summary>
    public void ApplyStripe(string subscriptionId, string customerId, string status, DateTime? currentPeriodEnd, bool cancelAtPeriodEnd,
        long amountMinor, string currency, MembershipInterval interval, DateTime now)
    {
        if (IsLiveStatus(status) && (StartedAt is null || EndedAt is not null))
        {
            StartedAt = now;
            EndedAt = null;
        }
        else if (IsEndedStatus(status) && StartedAt is not null && EndedAt is null)
        {
            EndedAt = now;
        }

        Interval = interval;
        StripeSubscriptionId = subscriptionId;
        StripeCustomerId = customerId;
        Status = status;
        CurrentPeriodEnd = currentPeriodEnd;
        CancelAtPeriodEnd = cancelAtPeriodEnd;
        AmountMinor = amountMinor;
        Currency = currency;
        UpdatedAt = now;
    }

    /// <summary>No more post emails for this membership (idempotent).</summary>
    public void StopPostEmails() => PostEmailsOff = true;
}
