using System.Linq.Expressions;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Connect;

/// <summary>A creator's id with what the payment guard reads about them (<see cref="CreatorPaymentFacts"/>).</summary>
public sealed record CreatorFactsRow(int CreatorId, CreatorPaymentFacts Facts);

/// <summary>
/// The one guard every paid action goes through: may this creator receive buyers' money? It reads only our own tables
/// (kept fresh by the Connect webhook and the onboarding return sync), never Stripe, in one query.
/// </summary>
public sealed class PaymentEligibility(MarketplaceDbContext db)
{
    /// <summary>
    /// Checks every condition for creator <paramref name="creatorProfileId"/>: a Connect account, <c>charges_enabled</c>,
    /// <c>payouts_enabled</c>, <c>capabilities.transfers</c> active (a destination charge needs it:
    /// https://docs.stripe.com/connect/destination-charges; not recorded yet counts as met), onboarding complete as Stripe
    /// means it (<c>details_submitted</c>, nothing in <c>requirements.past_due</c>, no <c>disabled_reason</c>: items
    /// <c>currently_due</c> before a future <c>current_deadline</c> do not block,
    /// https://docs.stripe.com/connect/handling-api-verification), the creator active, the account not deauthorized, and a current paid subscription
    /// (if any) not <c>past_due</c> or <c>unpaid</c>. Returns every condition, met or not; an unknown creator is not
    /// eligible (<see cref="PaymentEligibilityCodes.CreatorNotFound"/>). Makes no Stripe call.
    /// </summary>
    public async Task<PaymentEligibilityResult> CanCreatorReceivePayments(int creatorProfileId, CancellationToken cancellationToken = default)
    {
        var facts = (await db.CreatorProfiles.AsNoTracking()
            .Where(c => c.Id == creatorProfileId)
            .Select(FactsProjection)
            .SingleOrDefaultAsync(cancellationToken))?.Facts;

        return facts is null
            ? new PaymentEligibilityResult([PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.CreatorNotFound,
                "Creator profile", "There is no creator profile.", "Sign up as a creator.")])
            : Evaluate(facts);
    }

    /// <summary>
    /// The projection from a creator profile to what the guard reads about it, translated to SQL by EF Core: the one
    /// definition for this guard and for lists that evaluate it on many creators in one query
    /// (<see cref="Evaluate"/> per row).
    /// </summary>
    public static readonly Expression<Func<CreatorProfile, CreatorFactsRow>> FactsProjection = c => new CreatorFactsRow(c.Id, new CreatorPaymentFacts(
        c.IsActive,
        c.Status,
        c.StripeAccount != null,
        c.StripeAccount != null && c.StripeAccount.ChargesEnabled,
        c.StripeAccount != null && c.StripeAccount.PayoutsEnabled,
        c.StripeAccount != null && c.StripeAccount.DetailsSubmitted,
        c.StripeAccount != null ? c.StripeAccount.RequirementsCurrentlyDue : null,
        c.StripeAccount != null ? c.StripeAccount.RequirementsPastDue : null,
        c.StripeAccount != null ? c.StripeAccount.TransfersCapability : null,
        c.StripeAccount != null ? c.StripeAccount.DisabledReason : null,
        c.StripeAccount != null && c.StripeAccount.IsDeauthorized,
        c.Subscription != null && c.Subscription.StripeSubscriptionId != null,
        c.Subscription != null ? c.Subscription.Status : (SubscriptionStatus?)null));

    /// <summary>Evaluates the conditions on facts already read (the rule itself, without the database).</summary>
    public static PaymentEligibilityResult Evaluate(CreatorPaymentFacts facts)
    {
        var due = facts.PastDue ?? [];
        const string FinishOnboarding = "Open “Set up payments” and finish Stripe’s onboarding.";
        var conditions = new List<PaymentEligibilityCondition>
        {
            facts.HasAccount
                ? PaymentEligibilityCondition.Met(PaymentEligibilityCodes.NoConnectAccount, "Stripe account", "You have a Stripe account for payouts.")
                : PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.NoConnectAccount, "Stripe account",
                    "You have not set up a Stripe account to receive payments yet.", "Click “Set up payments” to create it with Stripe."),
            facts.ChargesEnabled
                ? PaymentEligibilityCondition.Met(PaymentEligibilityCodes.ChargesDisabled, "Can accept payments", "Stripe lets your account accept payments.")
                : PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.ChargesDisabled, "Can accept payments",
                    "Stripe does not let your account accept payments yet.", FinishOnboarding),
            facts.PayoutsEnabled
                ? PaymentEligibilityCondition.Met(PaymentEligibilityCodes.PayoutsDisabled, "Can receive payouts", "Stripe can pay out to your bank account.")
                : PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.PayoutsDisabled, "Can receive payouts",
                    "Stripe cannot pay out to your bank account yet.", FinishOnboarding),
            facts.HasAccount && facts.TransfersCapability is null or "active"
                ? PaymentEligibilityCondition.Met(PaymentEligibilityCodes.TransfersInactive, "Can receive sales", "Stripe lets the marketplace send your sales to your account.")
                : PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.TransfersInactive, "Can receive sales",
                    "Stripe has not activated transfers to your account yet.", FinishOnboarding),
            facts.DetailsSubmitted && due.Count == 0 && facts.DisabledReason is null
                ? PaymentEligibilityCondition.Met(PaymentEligibilityCodes.OnboardingIncomplete, "Onboarding complete", "Stripe has everything it needs from you.")
                : PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.OnboardingIncomplete, "Onboarding complete",
                    !facts.HasAccount ? "You have not started Stripe’s onboarding."
                    : due.Count > 0 ? "Stripe still needs {0} item(s) from you."
                    : facts.DisabledReason is not null ? "Stripe restricted your account: {0}."
                    : "You have not submitted your details to Stripe.",
                    FinishOnboarding,
                    due.Count > 0 ? due.Count : facts.DisabledReason is not null ? StripeRequirementWords.DisabledReason(facts.DisabledReason) : null),
            facts.IsActive && facts.Status == CreatorStatus.Active
                ? PaymentEligibilityCondition.Met(PaymentEligibilityCodes.CreatorInactive, "Creator account active", "Your creator account is active.")
                : PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.CreatorInactive, "Creator account active",
                    "Your creator account is {0}.",
                    "Contact the marketplace’s support team.", facts.IsActive ? facts.Status.ToString().ToLowerInvariant() : "deactivated"),
            !facts.IsDeauthorized
                ? PaymentEligibilityCondition.Met(PaymentEligibilityCodes.AccountDeauthorized, "Stripe account connected", "The marketplace can reach your Stripe account.")
                : PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.AccountDeauthorized, "Stripe account connected",
                    "You disconnected the marketplace from your Stripe account.", "Contact the marketplace’s support team to reconnect it."),
            !(facts.HasPaidSubscription && facts.SubscriptionStatus is SubscriptionStatus.PastDue or SubscriptionStatus.Unpaid)
                ? PaymentEligibilityCondition.Met(PaymentEligibilityCodes.SubscriptionPastDue, "Plan paid up", "Your plan is in good standing.")
                : PaymentEligibilityCondition.Unmet(PaymentEligibilityCodes.SubscriptionPastDue, "Plan paid up",
                    "The last payment for your plan failed.", "Update your payment method and pay the open invoice."),
        };
        return new PaymentEligibilityResult(conditions);
    }
}

/// <summary>What <see cref="PaymentEligibility"/> reads about a creator, in one row.</summary>
/// <param name="CurrentlyDue">Stripe's <c>requirements.currently_due</c> field names; null without an account.</param>
/// <param name="PastDue">Stripe's <c>requirements.past_due</c> field names; null without an account.</param>
/// <param name="TransfersCapability">Stripe's <c>capabilities.transfers</c> status; null without an account or not recorded yet.</param>
/// <param name="HasPaidSubscription">The creator's current subscription is a Stripe subscription (not the Free plan).</param>
public sealed record CreatorPaymentFacts(
    bool IsActive,
    CreatorStatus Status,
    bool HasAccount,
    bool ChargesEnabled,
    bool PayoutsEnabled,
    bool DetailsSubmitted,
    List<string>? CurrentlyDue,
    List<string>? PastDue,
    string? TransfersCapability,
    string? DisabledReason,
    bool IsDeauthorized,
    bool HasPaidSubscription,
    SubscriptionStatus? SubscriptionStatus);

/// <summary>The stable codes of <see cref="PaymentEligibilityCondition"/>, for callers, logs and admins.</summary>
public static class PaymentEligibilityCodes
{
    public const string CreatorNotFound = "creator_not_found";
    public const string NoConnectAccount = "no_connect_account";
    public const string ChargesDisabled = "charges_disabled";
    public const string PayoutsDisabled = "payouts_disabled";
    public const string TransfersInactive = "transfers_inactive";
    public const string OnboardingIncomplete = "onboarding_incomplete";
    public const string CreatorInactive = "creator_inactive";
    public const string AccountDeauthorized = "account_deauthorized";
    public const string SubscriptionPastDue = "subscription_past_due";
}

/// <summary>
/// One condition of the guard. <see cref="Code"/> names the failure it prevents (e.g. <c>charges_disabled</c>);
/// <see cref="Message"/> says in plain words where the creator stands and <see cref="WhatToDo"/> how to fix it. Pages in
/// other languages translate <see cref="Title"/>, <see cref="MessageTemplate"/> (with <see cref="MessageArgument"/> in
/// its <c>{0}</c>) and <see cref="WhatToDo"/>, which are fixed English texts.
/// </summary>
public sealed record PaymentEligibilityCondition(string Code, string Title, bool IsMet, string Message, string? WhatToDo)
{
    /// <summary><see cref="Message"/> before its value was put in: e.g. <c>Stripe still needs {0} item(s) from you.</c></summary>
    public string MessageTemplate { get; init; } = Message;

    /// <summary>The value of <see cref="MessageTemplate"/>'s <c>{0}</c> (a count, or words); null when it has none.</summary>
    public object? MessageArgument { get; init; }

    /// <summary>A condition that holds.</summary>
    public static PaymentEligibilityCondition Met(string code, string title, string message) => new(code, title, true, message, null);

    /// <summary>A condition that fails, with what the creator can do about it; <paramref name="argument"/> fills the message's <c>{0}</c>.</summary>
    public static PaymentEligibilityCondition Unmet(string code, string title, string message, string whatToDo, object? argument = null) =>
        new(code, title, false, argument is null ? message : string.Format(System.Globalization.CultureInfo.InvariantCulture, message, argument), whatToDo)
        {
            MessageTemplate = message,
            MessageArgument = argument,
        };
}

/// <summary>The guard's answer: every condition checked, and whether all of them are met.</summary>
public sealed record PaymentEligibilityResult(IReadOnlyList<PaymentEligibilityCondition> Conditions)
{
    /// <summary>True when the creator may receive payments (every condition met).</summary>
    public bool IsEligible => Conditions.All(c => c.IsMet);

    /// <summary>The conditions that fail, in the order checked; empty when eligible.</summary>
    public IReadOnlyList<PaymentEligibilityCondition> UnmetConditions => [.. Conditions.Where(c => !c.IsMet)];

    /// <summary>The codes of the failing conditions, e.g. <c>charges_disabled</c>.</summary>
    public IReadOnlyList<string> UnmetCodes => [.. UnmetConditions.Select(c => c.Code)];
}
