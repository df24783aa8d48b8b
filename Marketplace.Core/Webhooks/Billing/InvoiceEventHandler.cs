using Marketplace.Core.Payments;
using Marketplace.Core.StripeGateway;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks.Processing;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// Base of the invoice handlers: refetch the invoice, apply its subscription (Stripe's status after the payment:
/// active, or past_due), and write the ledger row (one per invoice).
/// </summary>
public abstract class InvoiceEventHandler(IStripeGateway stripe, StripeSubscriptionSync subscriptions, PaymentLedger ledger) : IStripeEventHandler
{
    public abstract string EventType { get; }

    /// <summary>What the ledger row says.</summary>
    protected abstract PaymentStatus Outcome { get; }

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no invoice";
        var invoice = await stripe.GetInvoiceAsync(stripeEvent.ObjectId, cancellationToken);
        var subscriptionId = invoice.Parent?.SubscriptionDetails?.SubscriptionId;
        if (subscriptionId is null) return "invoice is not for a subscription";
        var row = await subscriptions.ApplyAsync(subscriptionId, null, stripeEvent.Created, cancellationToken);
        await ledger.RecordAsync(invoice, Outcome, row.CreatorProfileId, row.Id, stripeEvent.Created, cancellationToken);
        return null;
    }
}
