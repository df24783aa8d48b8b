using Marketplace.Core.Creators;

namespace Marketplace.Core.Connect;

/// <summary>
/// Our cache of a creator's Stripe Connect account (Stripe is the truth).
/// Refreshed from <c>GET /v1/accounts/{id}</c> by the <c>account.updated</c> handler and on onboarding return.
/// See https://docs.stripe.com/api/accounts/object.
/// </summary>
public class CreatorStripeAccount
{
    private CreatorStripeAccount()
    {
    }

    /// <summary>Links a newly created Connect account (<c>acct_…</c>) to a creator.</summary>
    public CreatorStripeAccount(int creatorProfileId, string stripeAccountId)
    {
        if (!stripeAccountId.StartsWith("acct_", StringComparison.Ordinal))
            throw new DomainException($"'{stripeAccountId}' is not a Stripe account id.");
        CreatorProfileId = creatorProfileId;
        StripeAccountId = stripeAccountId;
        OnboardingStatus = OnboardingStatus.NotStarted;
    }

    public int Id { get; private set; }

    public int CreatorProfileId { get; private set; }

    public CreatorProfile? CreatorProfile { get; private set; }

    /// <summary>Stripe's account id, <c>acct_…</c>.</summary>
    public string StripeAccountId { get; private set; } = "";

    public bool ChargesEnabled { get; private set; }

    public bool PayoutsEnabled { get; private set; }

    public bool DetailsSubmitted { get; private set; }

    /// <summary>Stripe's <c>requirements.currently_due</c> field names, e.g. <c>individual.verification.document</c>.</summary>
    public List<string> RequirementsCurrentlyDue { get; private set; } = [];

    /// <summary>Stripe's <c>requirements.disabled_reason</c>, e.g. <c>requirements.past_due</c>; null when none.</summary>
    public string? DisabledReason { get; private set; }

    public OnboardingStatus OnboardingStatus { get; private set; }

    /// <summary>True once Stripe sent <c>account.application.deauthorized</c>: the platform lost access.</summary>
    public bool IsDeauthorized { get; private set; }

    /// <summary>When this row was last refreshed from Stripe, UTC; null if never.</summary>
    public DateTime? LastSyncedAt { get; private set; }

    /// <summary>
    /// The Stripe <c>created</c> time (UTC) of the newest event applied; an older event never moves the state back.
    /// </summary>
    public DateTime? LastEventCreatedAt { get; private set; }

    /// <summary>
    /// Applies the account as Stripe returned it and derives <see cref="OnboardingStatus"/>.
    /// <paramref name="eventCreatedAt"/> is the Stripe event's <c>created</c> (UTC) when applied from a webhook,
    /// null for a direct read; returns false (and changes nothing) for an event older than the last one applied. Being
    /// served by Stripe, the account is connected: a deauthorization recorded before is cleared.
    /// </summary>
    public bool ApplyStripeAccount(
        bool chargesEnabled,
        bool payoutsEnabled,
        bool detailsSubmitted,
        IReadOnlyCollection<string> currentlyDue,
        string? disabledReason,
        DateTime syncedAt,
        DateTime? eventCreatedAt = null)
    {
        if (eventCreatedAt is { } created && LastEventCreatedAt is { } last && created < last) return false;
        IsDeauthorized = false; // Stripe just served the account to the platform: it is connected
        ChargesEnabled = chargesEnabled;
        PayoutsEnabled = payoutsEnabled;
        DetailsSubmitted = detailsSubmitted;
        RequirementsCurrentlyDue = [.. currentlyDue];
        DisabledReason = string.IsNullOrEmpty(disabledReason) ? null : disabledReason;
        OnboardingStatus = DeriveOnboardingStatus();
        LastSyncedAt = syncedAt;
        if (eventCreatedAt is { } applied && (LastEventCreatedAt is null || applied > LastEventCreatedAt)) LastEventCreatedAt = applied;
        return true;
    }

    /// <summary>Records that the creator disconnected the platform from their Stripe account.</summary>
    public void MarkDeauthorized(DateTime at)
    {
        IsDeauthorized = true;
        LastSyncedAt = at;
    }

    private OnboardingStatus DeriveOnboardingStatus()
    {
        if (RequirementsCurrentlyDue.Count > 0 || DisabledReason is not null) return OnboardingStatus.NeedsAttention;
        if (!DetailsSubmitted) return OnboardingStatus.NotStarted;
        return ChargesEnabled && PayoutsEnabled ? OnboardingStatus.Complete : OnboardingStatus.Pending;
    }
}
