using Marketplace.Core.Emails;
using Marketplace.Core.Invoices;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Webhooks.Processing;
using Stripe;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary>
/// Base of the invoice handlers: refetch the invoice, apply its subscription (Stripe's status after the payment:
/// active, or past_due), and write the ledger row (one per invoice) with the creator's email about it (paid, or payment failed).
/// Fewer reads: an invoice already <c>paid</c> or <c>void</c> in the payload is taken from it (<see cref="FinalInvoicePayload"/>),
/// and with such an invoice the subscription is not refetched when the creator's row has already applied an event of
/// the same second or later (<see cref="StripeSubscriptionSync.AppliedSinceAsync"/>): a change of the subscription's
/// own state comes with its own <c>customer.subscription.updated</c>, which is refetched.
/// </summary>
public abstract class InvoiceEventHandler(IStripeGateway stripe, StripeSubscriptionSync subscriptions, PaymentLedger ledger, EmailOutbox emails) : IStripeEventHandler
{
    public abstract string EventType { get; }

    /// <summary>What the ledger row says.</summary>
    protected abstract PaymentStatus Outcome { get; }

    /// <summary>The email this outcome sends the creator (one per invoice).</summary>
    protected abstract string EmailKind { get; }

    public async Task<string?> HandleAsync(StripeEventEnvelope stripeEvent, string payload, CancellationToken cancellationToken)
    {
        if (stripeEvent.ObjectId is null) return "event names no invoice";
        var final = FinalInvoicePayload.TryRead(stripeEvent, payload);
        var invoice = final ?? await stripe.GetInvoiceAsync(stripeEvent.ObjectId, cancellationToken);
        var subscriptionId = invoice.Parent?.SubscriptionDetails?.SubscriptionId;
        if (subscriptionId is null) return "invoice is not for a subscription";
        var row = (final is null ? null : await subscriptions.AppliedSinceAsync(subscriptionId, stripeEvent.Created, cancellationToken))
            ?? await subscriptions.ApplyAsync(subscriptionId, null, stripeEvent.Created, cancellationToken);
        // The email is checked and saved with the ledger row under the invoice's lock: two deliveries of one invoice
        // processed at once would otherwise both queue it, and the second would fail on the outbox's unique key.
        await ledger.RecordAsync(invoice, Outcome, row.CreatorProfileId, row.Id, stripeEvent.Created, cancellationToken,
            whileLocked: ct => QueueEmailAsync(invoice, row.CreatorProfileId, ct));
        return null;
    }

    private async Task QueueEmailAsync(Invoice invoice, int creatorProfileId, CancellationToken cancellationToken)
    {
        var amount = Outcome == PaymentStatus.Paid ? invoice.AmountPaid : invoice.AmountDue;
        if (amount <= 0) return; // a trial's or a fully credited invoice: nothing was paid or is owed
        if (await emails.CreatorAsync(creatorProfileId, cancellationToken) is not { } to) return;
        await emails.QueueAsync(EmailKind, invoice.Id, to, EmailModelKeys.Of(
            (EmailModelKeys.Amount, amount), (EmailModelKeys.Currency, invoice.Currency), (EmailModelKeys.StripeUrl, invoice.HostedInvoiceUrl)), cancellationToken);
    }
}
