using Marketplace.Core.Emails;
using Marketplace.Core.Invoices;
using Marketplace.StripeGateway;
using Marketplace.Core.Subscriptions;

namespace Marketplace.Core.Webhooks.Billing;

/// <summary><c>invoice.paid</c>: a Paid ledger row; the subscription is active.</summary>
public sealed class InvoicePaidHandler(IStripeGateway stripe, StripeSubscriptionSync subscriptions, PaymentLedger ledger, EmailOutbox emails)
    : InvoiceEventHandler(stripe, subscriptions, ledger, emails)
{
    protected override string EmailKind => EmailKinds.InvoicePaid;

    public override string EventType => StripeEventTypes.InvoicePaid;

    protected override PaymentStatus Outcome => PaymentStatus.Paid;
}
