using Marketplace.Core.Emails;
using Marketplace.Core.Invoices;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>invoice.payment_failed</c>: a Failed ledger row; the subscription is past_due, shown to the creator.</summary>
public sealed class InvoicePaymentFailedHandler(IStripeGateway stripe, StripeSubscriptionSync subscriptions, PaymentLedger ledger, EmailOutbox emails)
    : InvoiceEventHandler(stripe, subscriptions, ledger, emails)
{
    protected override string EmailKind => EmailKinds.InvoicePaymentFailed;

    public override string EventType => StripeEventTypes.InvoicePaymentFailed;

    protected override PaymentStatus Outcome => PaymentStatus.Failed;
}
