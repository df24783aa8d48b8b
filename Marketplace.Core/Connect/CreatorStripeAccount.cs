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

    /// <summary>
    /// Stripe's <c>requirements.past_due</c>: fields not given by <see cref="RequirementsDeadline"/>, which disable the
    /// account's capabilities (https://docs.stripe.com/api/accounts/object#account_object-requirements-past_due).
    /// </summary>
    public List<string> RequirementsPastDue { get; private set; } = [];

    /// <summary>
    /// Stripe's <c>requirements.current_deadline</c> (UTC): the date by which <see cref="RequirementsCurrentlyDue"/> must
    /// be given, after which they become past due and payments stop; null when Stripe sets none.
    /// </summary>
    public DateTime? RequirementsDeadline { get; private set; }

    /// <summary>
    /// Stripe's <c>capabilities.transfers</c> status (<c>active</c>, <c>inactive</c>, <c>pending</c>), which a destination
    /// charge needs (https://docs.stripe.com/connect/destination-charges); null when not recorded yet (a row synced
    /// before this column existed: the next <c>account.updated</c> or onboarding return fills it).
    /// </summary>
    public string? TransfersCapability { get; private set; }

    /// <summary>
    /// Stripe's <c>country</c> of the account (ISO 3166-1 alpha-2, upper case, chosen at onboarding from
    /// <see cref="ConnectCountries"/>); null for a row synced before this column existed, until its next sync.
    /// </summary>
    public string? Country { get; private set; }

    /// <summary>
    /// Stripe's <c>default_currency</c> of the account (ISO 4217, lower case), what a new listing is priced in by
    /// default; null until Stripe reported it.
    /// </summary>
    public string? DefaultCurrency { get; private set; }

    /// <summary>
    /// When this new creator's payouts started being held (<c>interval=manual</c>, <c>Payouts:NewCreatorHold…</c>), UTC;
    /// null when they are not held as new (never, or released).
    /// </summary>
    public DateTime? PayoutsHeldSince { get; private set; }

    /// <summary>Why an admin paused this creator's payouts (shown to the creator); null when not paused.</summary>
    public string? PayoutsPausedReason { get; private set; }

    /// <summary>True when the platform keeps this account on <c>interval=manual</c>: held as new, or paused.</summary>
    public bool PayoutsHeld => PayoutsHeldSince is not null || PayoutsPausedReason is not null;

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
    /// <paramref name="pastDue"/> is <c>requirements.past_due</c>, <paramref name="currentDeadline"/>
    /// <c>requirements.current_deadline</c> (UTC) and <paramref name="transfersCapability"/> <c>capabilities.transfers</c>
    /// (null: the account does not have it requested).
    /// </summary>
    public bool ApplyStripeAccount(
        bool chargesEnabled,
        bool payoutsEnabled,
        bool detailsSubmitted,
        IReadOnlyCollection<string> currentlyDue,
        string? disabledReason,
        DateTime syncedAt,
        DateTime? eventCreatedAt = null,
        IReadOnlyCollection<string>? pastDue = null,
        DateTime? currentDeadline = null,
        string? transfersCapability = null)
    {
        if (eventCreatedAt is { } created && LastEventCreatedAt is { } last && created < last) return false;
        IsDeauthorized = false; // Stripe just served the account to the platform: it is connected
        ChargesEnabled = chargesEnabled;
        PayoutsEnabled = payoutsEnabled;
        DetailsSubmitted = detailsSubmitted;
        RequirementsCurrentlyDue = [.. currentlyDue];
        RequirementsPastDue = [.. pastDue ?? []];
        RequirementsDeadline = currentlyDue.Count > 0 ? currentDeadline : null;
        TransfersCapability = string.IsNullOrEmpty(transfersCapability) ? null : transfersCapability;
        DisabledReason = string.IsNullOrEmpty(disabledReason) ? null : disabledReason;
        OnboardingStatus = DeriveOnboardingStatus();
        LastSyncedAt = syncedAt;
        if (eventCreatedAt is { } applied && (LastEventCreatedAt is null || applied > LastEventCreatedAt)) LastEventCreatedAt = applied;
        return true;
    }

    /// <summary>
    /// Applies the account's <c>country</c> and <c>default_currency</c> as Stripe returned them (either may be absent:
    /// the value kept is the last one Stripe gave).
    /// </summary>
    public void ApplyCountry(string? country, string? defaultCurrency)
    {
        if (!string.IsNullOrWhiteSpace(country)) Country = country.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(defaultCurrency)) DefaultCurrency = defaultCurrency.Trim().ToLowerInvariant();
    }

    /// <summary>Starts the new-creator payout hold at <paramref name="at"/> (UTC).</summary>
    public void HoldPayoutsAsNew(DateTime at) => PayoutsHeldSince = at;

    /// <summary>Ends the new-creator payout hold.</summary>
    public void ReleaseNewCreatorHold() => PayoutsHeldSince = null;

    /// <summary>Pauses payouts for <paramref name="reason"/> (trimmed, 1–500 characters), which the creator sees.</summary>
    /// <exception cref="DomainException">The reason is empty or too long.</exception>
    public void PausePayouts(string? reason)
    {
        var words = reason?.Trim() ?? "";
        if (words.Length is 0 or > MaxPauseReasonLength) throw new DomainException("Give the creator a reason for the pause (at most {0} characters).", MaxPauseReasonLength);
        PayoutsPausedReason = words;
    }

    /// <summary>The schedule an admin chose for this creator alone (<c>daily</c>, <c>weekly</c>, <c>monthly</c>); null: the platform's.</summary>
    public string? OwnPayoutInterval { get; private set; }

    /// <summary>The weekday of <see cref="OwnPayoutInterval"/> weekly.</summary>
    public string? OwnPayoutWeeklyAnchor { get; private set; }

    /// <summary>The day of the month of <see cref="OwnPayoutInterval"/> monthly.</summary>
    public int? OwnPayoutMonthlyAnchor { get; private set; }

    /// <summary>The delay days of the creator's own schedule (null: Stripe's minimum).</summary>
    public int? OwnPayoutDelayDays { get; private set; }

    /// <summary>The creator's own schedule as Stripe's <c>settings[payouts][schedule]</c>; null: the platform's applies.</summary>
    public Marketplace.StripeGateway.PayoutScheduleSettings? OwnPayoutSchedule =>
        OwnPayoutInterval is { } interval ? new(interval, OwnPayoutWeeklyAnchor, OwnPayoutMonthlyAnchor, OwnPayoutDelayDays) : null;

    /// <summary>Gives this creator <paramref name="schedule"/> of their own (null: back to the platform's).</summary>
    public void SetOwnPayoutSchedule(Marketplace.StripeGateway.PayoutScheduleSettings? schedule)
    {
        OwnPayoutInterval = schedule?.Interval;
        OwnPayoutWeeklyAnchor = schedule?.Interval == "weekly" ? schedule.WeeklyAnchor : null;
        OwnPayoutMonthlyAnchor = schedule?.Interval == "monthly" ? schedule.MonthlyAnchor : null;
        OwnPayoutDelayDays = schedule?.DelayDays;
    }

    /// <summary>Ends an admin's pause.</summary>
    public void ResumePayouts() => PayoutsPausedReason = null;

    /// <summary>The longest pause reason, in characters.</summary>
    public const int MaxPauseReasonLength = 500;

    /// <summary>Records that the creator disconnected the platform from their Stripe account.</summary>
    public void MarkDeauthorized(DateTime at)
    {
        IsDeauthorized = true;
        LastSyncedAt = at;
    }

    private OnboardingStatus DeriveOnboardingStatus()
    {
        if (RequirementsPastDue.Count > 0 || DisabledReason is not null) return OnboardingStatus.NeedsAttention;
        if (!DetailsSubmitted) return RequirementsCurrentlyDue.Count > 0 ? OnboardingStatus.NeedsAttention : OnboardingStatus.NotStarted;
        return ChargesEnabled && PayoutsEnabled ? OnboardingStatus.Complete : OnboardingStatus.Pending;
    }
}
