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
    Text.CoreMessage? Refusal,
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
    public static PlanChangePreview Refused(Text.CoreMessage message, PaymentEligibilityResult? eligibility = null) =>
        new(false, message, eligibility, null, null, null, null, null, null, null, false);

    /// <summary>One sentence on what happens, for the confirm page.</summary>
    public Text.CoreMessage Summary => !Allowed ? Refusal ?? "" : Kind switch
    {
        PlanChangeKind.CancelToFree => Text.CoreMessage.Of("Your {0} subscription will cancel on {1}; you keep {0} until then, then move to Free.", Current, AppliesAt ?? default),
        _ when DuringTrial => Text.CoreMessage.Of("You move to {0} now, still in your trial: nothing is charged until the trial ends, then {1} per {2}.", New, Price, Per),
        PlanChangeKind.Upgrade => Text.CoreMessage.Of("You move to {0} now at {1} per {2}; Stripe invoices the difference for the rest of this period now (about {3}).", New, Price, Per, Amount),
        PlanChangeKind.Downgrade => Text.CoreMessage.Of("You move to {0} now at {1} per {2}; the unused part of {3} (about {4}) is credited on your next invoice.", New, Price, Per, Current, Amount),
        PlanChangeKind.IntervalChange => Text.CoreMessage.Of("You move to {0} now at {1} per {2}; a new billing period starts today and Stripe charges it now, less the unused part of your current period (about {3} in all).", New, Price, Per, Amount),
        _ => "",
    };

    private Text.CultureName Current => Text.CultureName.Of(CurrentPlan);

    private Text.CultureName New => Text.CultureName.Of(NewPlan);

    private Text.CoreMoney Amount => new(EstimatedAmountMinor ?? 0, NewPrice?.Currency ?? "eur");

    private Text.CoreMoney Price => new(NewPrice?.AmountMinor ?? 0, NewPrice?.Currency ?? "eur");

    private Text.CoreWord Per => new(NewPrice?.Interval == PlanInterval.Year ? "year" : "month");
}

/// <summary>The outcome of cancel, resume or a plan change: done or not, with the message to show.</summary>
public sealed record SubscriptionActionResult(bool Succeeded, Text.CoreMessage Message)
{
    public static SubscriptionActionResult Done(Text.CoreMessage message) => new(true, message);

    public static SubscriptionActionResult Failed(Text.CoreMessage message) => new(false, message);
}
