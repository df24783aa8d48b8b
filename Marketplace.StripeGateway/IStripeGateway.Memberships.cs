using Stripe;

namespace Marketplace.StripeGateway;

/// <summary>The money of a membership invoice.</summary>
public partial interface IStripeGateway
{
    /// <summary>
    /// The charge that paid invoice <paramref name="invoiceId"/>: its paid <c>invoice_payment</c>
    /// (https://docs.stripe.com/api/invoice-payment/list), then the PaymentIntent's <c>latest_charge</c> (with
    /// <c>application_fee_amount</c> and <c>transfer</c> for a destination charge). Null when the invoice has no paid
    /// PaymentIntent (a zero invoice, or paid out of band).
    /// </summary>
    Task<Charge?> FindInvoiceChargeAsync(string invoiceId, CancellationToken cancellationToken = default);
}
