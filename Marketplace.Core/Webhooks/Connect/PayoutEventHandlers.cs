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

/// <summary><c>payout.created</c>: a payout to the creator's bank started (usually <c>pending</c>).</summary>
public sealed class PayoutCreatedHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutCreated;
}

/// <summary><c>payout.paid</c>: the payout is expected in the bank (<c>paid</c>); clears a failed payout's banner.</summary>
public sealed class PayoutPaidHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutPaid;
}

/// <summary><c>payout.failed</c>: the bank refused the payout (<c>failure_code</c>, <c>failure_message</c>); the creator sees a banner.</summary>
public sealed class PayoutFailedHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutFailed;
}

/// <summary><c>payout.updated</c>: any other change (e.g. <c>in_transit</c>).</summary>
public sealed class PayoutUpdatedHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutUpdated;
}

/// <summary><c>payout.canceled</c>: the payout was canceled before it left Stripe.</summary>
public sealed class PayoutCanceledHandler(PayoutSync payouts) : PayoutEventHandler(payouts)
{
    public override string EventType => StripeEventTypes.PayoutCanceled;
}
