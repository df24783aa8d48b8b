using Marketplace.Core.Connect;
using Marketplace.Core.Plans;
using Plan = Marketplace.Core.Plans.Plan;

namespace Marketplace.Core.Subscriptions;

/// <summary>What a change from the creator's current paid plan to another one does.</summary>
public enum PlanChangeKind
{
    /// <summary>A dearer price, same interval: swapped now, the prorated difference invoiced and charged now (<c>always_invoice</c>).</summary>
    Upgrade,

    /// <summary>
    /// A cheaper (or equal) price, same interval: swapped now, the unused part of the old price credited on the next
    /// invoice (<c>create_prorations</c>).
    /// </summary>
    Downgrade,

    /// <summary>Monthly ↔ yearly: Stripe resets the billing cycle to now and invoices the new price at once, less the unused time.</summary>
    IntervalChange,

    /// <summary>The Free plan: the subscription is set to cancel at the end of the period (<c>cancel_at_period_end</c>).</summary>
    CancelToFree,
}

/// <summary>
/// The confirm page's content, or why the change is refused. When <see cref="Allowed"/>, <see cref="Kind"/>,
/// <see cref="NewPlan"/> and <see cref="AppliesAt"/> are set; <see cref="NewPrice"/> is null only for Free.
/// </summary>
/// <param name="Refusal">Why it cannot be done (plain words); null when allowed.</param>
/// <param name="Eligibility">The payment guard's answer when it failed.</param>
/// <param name="AppliesAt">When the new plan starts, UTC: now for paid plans, the period end for Free.</param>
/// <param name="EstimatedAmountMinor">
/// Upgrade and interval change: about what Stripe charges now; downgrade: about what is credited on the next invoice.
/// Minor units of the price's currency, computed from the time left in the period (Stripe computes to the second).
/// </param>
public sealed record PlanChangePreview(
    bool Allowed,
    string? Refusal,
    PaymentEligibilityResult? Eligibility,
    PlanChangeKind? Kind,
    Plan? CurrentPlan,
    PlanPrice? CurrentPrice,
    Plan? NewPlan,
    PlanPrice? NewPrice,
    DateTime? AppliesAt,
    long? EstimatedAmountMinor,
    bool DuringTrial)
{
    /// <summary>A refusal with its message.</summary>
    public static PlanChangePreview Refused(string message, PaymentEligibilityResult? eligibility = null) =>
        new(false, message, eligibility, null, null, null, null, null, null, null, false);

    /// <summary>One sentence on what happens, for the confirm page.</summary>
    public string Summary => !Allowed ? Refusal ?? "" : Kind switch
    {
        PlanChangeKind.CancelToFree => $"Your {CurrentPlan?.Name} subscription will cancel on {AppliesAt:yyyy-MM-dd} (UTC); you keep {CurrentPlan?.Name} until then, then move to Free.",
        _ when DuringTrial => $"You move to {NewPlan?.Name} now, still in your trial: nothing is charged until the trial ends, then {Price(NewPrice)}.",
        PlanChangeKind.Upgrade => $"You move to {NewPlan?.Name} now at {Price(NewPrice)}; Stripe invoices the difference for the rest of this period now (about {Amount}).",
        PlanChangeKind.Downgrade => $"You move to {NewPlan?.Name} now at {Price(NewPrice)}; the unused part of {CurrentPlan?.Name} (about {Amount}) is credited on your next invoice.",
        PlanChangeKind.IntervalChange => $"You move to {NewPlan?.Name} now at {Price(NewPrice)}; a new billing period starts today and Stripe charges it now, less the unused part of your current period (about {Amount} in all).",
        _ => "",
    };

    private string Amount => EstimatedAmountMinor is { } amount && NewPrice is { } price ? Money.Format(amount, price.Currency) : "";

    private static string Price(PlanPrice? price) => price is null ? "" : $"{Money.Format(price.AmountMinor, price.Currency)} per {price.Interval.ToString().ToLowerInvariant()}";
}

/// <summary>The outcome of cancel, resume or a plan change: done or not, with the message to show.</summary>
public sealed record SubscriptionActionResult(bool Succeeded, string Message)
{
    public static SubscriptionActionResult Done(string message) => new(true, message);

    public static SubscriptionActionResult Failed(string message) => new(false, message);
}
