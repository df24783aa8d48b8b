using System.Linq.Expressions;
using Marketplace.Core.Connect;
using Marketplace.Core.Creators;
using Marketplace.Core.Subscriptions;

namespace Marketplace.Core.Admin;

/// <summary>A creator's id with what the payment guard reads about them (<see cref="CreatorPaymentFacts"/>).</summary>
public sealed record CreatorFactsRow(int CreatorId, CreatorPaymentFacts Facts);

/// <summary>
/// Reads the payment guard's facts for many creators in one query, so an admin list evaluates
/// <see cref="PaymentEligibility.Evaluate"/> per row instead of calling
/// <see cref="PaymentEligibility.CanCreatorReceivePayments"/> once per creator. The projection is the guard's own,
/// field for field (a test compares the two on creators in every state).
/// </summary>
public static class CreatorFacts
{
    /// <summary>The projection from a creator profile to its facts, translated to SQL by EF Core.</summary>
    public static readonly Expression<Func<CreatorProfile, CreatorFactsRow>> Projection = c => new CreatorFactsRow(c.Id, new CreatorPaymentFacts(
        c.IsActive,
        c.Status,
        c.StripeAccount != null,
        c.StripeAccount != null && c.StripeAccount.ChargesEnabled,
        c.StripeAccount != null && c.StripeAccount.PayoutsEnabled,
        c.StripeAccount != null && c.StripeAccount.DetailsSubmitted,
        c.StripeAccount != null ? c.StripeAccount.RequirementsCurrentlyDue : null,
        c.StripeAccount != null ? c.StripeAccount.DisabledReason : null,
        c.StripeAccount != null && c.StripeAccount.IsDeauthorized,
        c.Subscription != null && c.Subscription.StripeSubscriptionId != null,
        c.Subscription != null ? c.Subscription.Status : (SubscriptionStatus?)null));
}
