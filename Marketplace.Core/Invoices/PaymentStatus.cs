namespace Marketplace.Core.Invoices;

/// <summary>Outcome of a Stripe invoice payment attempt, from <c>invoice.paid</c> or <c>invoice.payment_failed</c>.</summary>
public enum PaymentStatus
{
    Paid,
    Failed,
}
