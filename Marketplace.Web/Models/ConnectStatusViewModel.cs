using Marketplace.Core.Connect;
using Marketplace.Core.Creators;

namespace Marketplace.Web.Models;

/// <summary>The Connect status page: the creator, their account (null before onboarding), the guard's answer, an error to show.</summary>
public sealed record ConnectStatusViewModel(CreatorProfile Creator, CreatorStripeAccount? Account, PaymentEligibilityResult Eligibility, string? Error)
{
    /// <summary>The country selected in the onboarding's list (ISO 3166-1 alpha-2), before the account exists.</summary>
    public string Country { get; init; } = "FR";

    /// <summary>The onboarding status; <see cref="OnboardingStatus.NotStarted"/> without an account.</summary>
    public OnboardingStatus Status => Account?.OnboardingStatus ?? OnboardingStatus.NotStarted;

    /// <summary>The status in plain words.</summary>
    public string StatusText => Status switch
    {
        OnboardingStatus.Complete => "Complete",
        OnboardingStatus.Pending => "Pending",
        OnboardingStatus.NeedsAttention => "Needs attention",
        _ => "Not started",
    };

    /// <summary>What Stripe still needs, in words (from <c>requirements.currently_due</c>).</summary>
    public IReadOnlyList<string> Requirements => StripeRequirementWords.Describe(Account?.RequirementsCurrentlyDue ?? []);

    /// <summary>
    /// True when the account is in good standing but Stripe asks for more (<c>requirements.currently_due</c> with nothing
    /// past due and no <c>disabled_reason</c>): sales go on until <see cref="Deadline"/>; the page lists
    /// <see cref="Requirements"/> with the onboarding link.
    /// </summary>
    public bool HasUpcomingRequirements => Account is { RequirementsCurrentlyDue.Count: > 0, RequirementsPastDue.Count: 0, DisabledReason: null }
        && Status is OnboardingStatus.Complete or OnboardingStatus.Pending;

    /// <summary>Stripe's <c>requirements.current_deadline</c> (UTC) for <see cref="Requirements"/>; null when Stripe set none.</summary>
    public DateTime? Deadline => Account?.RequirementsDeadline;

    /// <summary>Why Stripe disabled the account, in words; null when it did not.</summary>
    public string? DisabledReason => Account?.DisabledReason is { } reason ? StripeRequirementWords.DisabledReason(reason) : null;
}
