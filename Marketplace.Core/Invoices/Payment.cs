using Marketplace.Core.Creators;
using Marketplace.Core.Subscriptions;

namespace Marketplace.Core.Invoices;

/// <summary>
/// One row of the payment ledger: one Stripe Invoice (https://docs.stripe.com/api/invoices/object), unique by id.
/// Amounts are minor units of <see cref="Currency"/>.
/// </summary>
public class Payment
{
    private Payment()
    {
    }

    /// <summary>Records an invoice's payment outcome.</summary>
    public Payment(string stripeInvoiceId, int creatorProfileId, int? creatorSubscriptionId, long amountMinor, string currency,
        PaymentStatus status, DateTime occurredAt, string? hostedInvoiceUrl)
    {
        StripeInvoiceId = stripeInvoiceId;
        CreatorProfileId = creatorProfileId;
        CreatorSubscriptionId = creatorSubscriptionId;
        AmountMinor = amountMinor;
        Currency = currency.ToLowerInvariant();
        Status = status;
        PaidAt = occurredAt;
        HostedInvoiceUrl = hostedInvoiceUrl;
    }

    public int Id { get; private set; }

    /// <summary>Stripe Invoice id, <c>in_…</c>; unique in the ledger.</summary>
    public string StripeInvoiceId { get; private set; } = "";

    public int CreatorProfileId { get; private set; }

    public CreatorProfile? CreatorProfile { get; private set; }

    public int? CreatorSubscriptionId { get; private set; }

    public CreatorSubscription? CreatorSubscription { get; private set; }

    /// <summary>Stripe's <c>amount_paid</c> (or <c>amount_due</c> for a failure), minor units.</summary>
    public long AmountMinor { get; private set; }

    /// <summary>ISO 4217, lower case.</summary>
    public string Currency { get; private set; } = "";

    public PaymentStatus Status { get; private set; }

    /// <summary>When the invoice was paid (or the attempt failed), UTC.</summary>
    public DateTime PaidAt { get; private set; }

    /// <summary>Stripe's hosted invoice page.</summary>
    public string? HostedInvoiceUrl { get; private set; }

    /// <summary>A failed invoice later paid (e.g. after the card was updated) becomes Paid; Paid never goes back.</summary>
    public void MarkPaid(long amountMinor, DateTime paidAt, string? hostedInvoiceUrl)
    {
        Status = PaymentStatus.Paid;
        AmountMinor = amountMinor;
        PaidAt = paidAt;
        HostedInvoiceUrl = hostedInvoiceUrl ?? HostedInvoiceUrl;
    }

    /// <summary>
    /// Keeps the row as a bookkeeping record of a deleted account: invoice id, amount, currency, status and date stay;
    /// the hosted invoice link (a page with the customer's name and email) goes.
    /// </summary>
    public void Anonymise() => HostedInvoiceUrl = null;
}
