namespace Marketplace.Core.Connect;

/// <summary>Where a creator stands in Stripe Connect onboarding, derived from the account's state.</summary>
public enum OnboardingStatus
{
    /// <summary>No Connect account yet, or the creator never submitted details.</summary>
    NotStarted,

    /// <summary>Details submitted; Stripe is reviewing (charges or payouts not enabled yet, nothing due).</summary>
    Pending,

    /// <summary>Stripe needs more information (<c>requirements.currently_due</c> or a <c>disabled_reason</c>).</summary>
    NeedsAttention,

    /// <summary>Details submitted, charges and payouts enabled, nothing due.</summary>
    Complete,
}
