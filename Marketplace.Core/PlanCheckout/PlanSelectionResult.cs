using Marketplace.Core.Connect;

namespace Marketplace.Core.PlanCheckout;

/// <summary>What happened when a creator chose a plan, and where to send them.</summary>
public enum PlanSelectionOutcome
{
    /// <summary>Unknown or inactive plan, or no active price for the interval: back to the plans with the message.</summary>
    PlanUnavailable,

    /// <summary>The Free plan is active now.</summary>
    FreePlanActivated,

    /// <summary><c>CanCreatorReceivePayments</c> failed: back with <see cref="PlanSelectionResult.Eligibility"/>; nothing sent to Stripe.</summary>
    NotEligible,

    /// <summary>The creator has a live paid subscription: a change of plan, not a second subscription.</summary>
    AlreadySubscribed,

    /// <summary>Send the creator to <see cref="PlanSelectionResult.CheckoutUrl"/> (303).</summary>
    RedirectToCheckout,
}

/// <summary>The outcome, with the message to show, the guard's result or the Checkout URL.</summary>
public sealed record PlanSelectionResult(PlanSelectionOutcome Outcome, Text.CoreMessage? Message = null, PaymentEligibilityResult? Eligibility = null,
    string? CheckoutUrl = null, string? CheckoutSessionId = null);
