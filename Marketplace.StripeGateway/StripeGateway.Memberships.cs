using Stripe;

namespace Marketplace.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public async Task<Charge?> FindInvoiceChargeAsync(string invoiceId, CancellationToken cancellationToken = default)
    {
        var payments = await client.V1.InvoicePayments.ListAsync(new InvoicePaymentListOptions { Invoice = invoiceId }, cancellationToken: cancellationToken);
        var paid = payments.Data.FirstOrDefault(p => p.Status == "paid" && p.Payment?.PaymentIntentId is not null);
        if (paid is null) return null;
        var intent = await client.V1.PaymentIntents.GetAsync(paid.Payment.PaymentIntentId,
            new PaymentIntentGetOptions { Expand = ["latest_charge"] }, cancellationToken: cancellationToken);
        return intent.LatestCharge;
    }
}
