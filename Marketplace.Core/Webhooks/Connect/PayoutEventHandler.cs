using Marketplace.Core.Payouts;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Connect;

/// <summary>
/// Base of the <c>payout.*</c> handlers (https://docs.stripe.com/connect/payouts-connected-accounts#webhooks): the
/// payout lives on the event's connected <c>account</c>; refetch it with <c>Stripe-Account</c> and upsert the
/// creator's <see cref="Payout"/> row in Stripe's current state, whichever event type arrived first.
/// </summary>
public abstract class PayoutEventHandler(PayoutSync payouts) : IStripeEventHandler
{
    public abstract string EventType { get; }

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.Account is not { } accountId) return "event names no account";
        if (stripeEvent.ObjectId is not { } payoutId || !payoutId.StartsWith("po_", StringComparison.Ordinal)) return "event names no payout";
        return await payouts.SyncAsync(accountId, payoutId, cancellationToken);
    }
}
