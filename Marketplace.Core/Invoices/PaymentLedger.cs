using Marketplace.Core.Data;
using Marketplace.Locking;
using Microsoft.EntityFrameworkCore;
using Stripe;

namespace Marketplace.Core.Invoices;

/// <summary>
/// Writes the payment ledger: one row per Stripe Invoice, Paid or Failed; Paid is final. Each invoice's read and write
/// run under its own <see cref="IDistributedLocks"/> lock: two deliveries naming one invoice (Stripe retries, replayed
/// events) processed at the same moment, in two workers or processes, would otherwise both find no row and the second
/// insert would fail on the unique invoice index (money recorded once all the same, but the event retried).
/// </summary>
public sealed class PaymentLedger(MarketplaceDbContext db, IDistributedLocks locks)
{
    /// <summary>
    /// Records <paramref name="invoice"/> (https://docs.stripe.com/api/invoices/object) for a creator. Paid uses
    /// <c>amount_paid</c> and <c>status_transitions.paid_at</c>; Failed uses <c>amount_due</c>. Running it twice
    /// leaves one row; a Failed record never overwrites a Paid one. <paramref name="whileLocked"/> (optional) runs under
    /// the invoice's lock just before the save, so what it adds (the creator's email about this invoice) is checked and
    /// saved with the ledger row, never by two deliveries of the invoice at once.
    /// <exception cref="TimeoutException">The invoice's lock was not granted within 60 s (the event is retried).</exception>
    /// </summary>
    public async Task<Payment> RecordAsync(Invoice invoice, PaymentStatus status, int creatorProfileId, int? creatorSubscriptionId,
        DateTime occurredAt, CancellationToken cancellationToken = default, Func<CancellationToken, Task>? whileLocked = null)
    {
        var amount = status == PaymentStatus.Paid ? invoice.AmountPaid : invoice.AmountDue;
        var when = status == PaymentStatus.Paid && invoice.StatusTransitions?.PaidAt is { } paidAt
            ? DateTime.SpecifyKind(paidAt, DateTimeKind.Utc)
            : occurredAt;
        using var held = await locks.AcquireAsync($"payment-ledger:{invoice.Id}", TimeSpan.FromSeconds(60), cancellationToken);
        var existing = await db.Payments.SingleOrDefaultAsync(p => p.StripeInvoiceId == invoice.Id, cancellationToken);
        if (existing is null)
        {
            existing = new Payment(invoice.Id, creatorProfileId, creatorSubscriptionId, amount, invoice.Currency, status, when, invoice.HostedInvoiceUrl);
            db.Payments.Add(existing);
        }
        else if (status == PaymentStatus.Paid && existing.Status != PaymentStatus.Paid)
        {
            existing.MarkPaid(amount, when, invoice.HostedInvoiceUrl);
        }

        if (whileLocked is not null) await whileLocked(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }
}
