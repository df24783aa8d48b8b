using Marketplace.StripeGateway;
using Marketplace.Core.Webhooks;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Memberships.Webhooks;

/// <summary>
/// A handler of a Billing event about a creator's membership (not the platform's own plans). Registered as itself, never
/// as <see cref="IStripeEventHandler"/>: the processor asks <see cref="MembershipEvents.IsMembership"/> first and then
/// picks from one list or the other, so no plan handler tests for memberships.
/// </summary>
public interface IMembershipEventHandler : IStripeEventHandler;

/// <summary>
/// Tells a membership's Billing events from a plan's by the metadata we wrote at Join (<c>membership_id</c>): on the
/// Checkout Session and the Subscription (<c>data.object.metadata</c>), on an invoice through
/// <c>data.object.parent.subscription_details.metadata</c> (API 2025-03-31+). Metadata set at creation never changes, so
/// the payload may route the event before anything is fetched; the handler then refetches.
/// </summary>
public static class MembershipEvents
{
    /// <summary>The event types a membership handler exists for.</summary>
    public static readonly IReadOnlySet<string> Types = new HashSet<string>
    {
        StripeEventTypes.CheckoutSessionCompleted, StripeEventTypes.CustomerSubscriptionCreated, StripeEventTypes.CustomerSubscriptionUpdated,
        StripeEventTypes.CustomerSubscriptionDeleted, StripeEventTypes.InvoicePaid, StripeEventTypes.InvoicePaymentFailed,
    };

    /// <summary>True when the event of <paramref name="type"/> in <paramref name="payload"/> (the raw event JSON) is about a membership.</summary>
    public static bool IsMembership(string type, string payload)
    {
        if (!Types.Contains(type)) return false;
        var path = type.StartsWith("invoice.", StringComparison.Ordinal)
            ? new[] { "parent", "subscription_details", "metadata", StripeMetadataKeys.MembershipId }
            : new[] { "metadata", StripeMetadataKeys.MembershipId };
        return !string.IsNullOrEmpty(StripeEventEnvelope.DataObjectText(payload, path));
    }
}
