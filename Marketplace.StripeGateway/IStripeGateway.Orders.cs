using Stripe;
using Stripe.Checkout;

namespace Marketplace.StripeGateway;

/// <summary>
/// Buyers paying creators: payment-mode Checkout Sessions as destination charges
/// (https://docs.stripe.com/connect/marketplace/tasks/accept-payment/destination-charges), the paid session with its
/// charge, and Express dashboard login links (https://docs.stripe.com/api/accounts/login_link/create).
/// </summary>
public partial interface IStripeGateway
{
    /// <summary>
    /// <c>POST /v1/checkout/sessions</c> with <c>mode=payment</c>: one line item from <c>price_data</c>, the whole amount
    /// transferred to <see cref="DestinationChargeCheckout.DestinationAccountId"/>, the commission back as
    /// <c>application_fee_amount</c> (left out when 0), the metadata on the session and on the PaymentIntent, with the
    /// request's idempotency key. Throws <see cref="StripeException"/> when Stripe refuses (<c>amount_too_small</c>, a
    /// destination without the <c>transfers</c> capability, …).
    /// </summary>
    Task<Session> CreateDestinationChargeCheckoutSessionAsync(DestinationChargeCheckout request, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/checkout/sessions/{id}</c> with <c>expand[]=payment_intent.latest_charge.balance_transaction</c>: the
    /// session, its PaymentIntent, the charge (transfer, application fee, receipt) and Stripe's fee. Null on 404.
    /// </summary>
    Task<Session?> FindCheckoutSessionWithPaymentAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/accounts/{id}/login_links</c>: a single-use URL to the Express dashboard of <paramref name="accountId"/>
    /// (only for an Express account whose details are submitted). Redirect to it at once.
    /// </summary>
    Task<LoginLink> CreateLoginLinkAsync(string accountId, CancellationToken cancellationToken = default);
}

/// <summary>
/// A destination-charge Checkout Session for one order. Amounts are minor units of <paramref name="Currency"/>
/// (lower-case ISO 4217); <paramref name="ExpiresAtUtc"/> is 30 minutes to 24 hours ahead (Stripe's range);
/// <paramref name="Locale"/> is one of Stripe's Checkout locales or <c>auto</c>; the URLs are absolute, the success
/// URL carries <c>{CHECKOUT_SESSION_ID}</c>. <paramref name="StatementDescriptorSuffix"/> goes to
/// <c>payment_intent_data[statement_descriptor_suffix]</c> (already cleaned to Stripe's rules by
/// <c>Marketplace.Core.Orders.StatementDescriptorSuffix</c>); null omits it. <paramref name="ProductDescription"/> is plain text (at most 40,000
/// characters for Stripe); <paramref name="ProductImages"/> are up to 8 public HTTPS URLs
/// (<c>line_items[0][price_data][product_data][images][]</c>), null for none.
/// </summary>
public sealed record DestinationChargeCheckout(
    string ProductName,
    string? ProductDescription,
    long AmountMinor,
    string Currency,
    string DestinationAccountId,
    long ApplicationFeeMinor,
    IReadOnlyDictionary<string, string> Metadata,
    string ClientReferenceId,
    string? CustomerEmail,
    DateTime ExpiresAtUtc,
    string Locale,
    string SuccessUrl,
    string CancelUrl,
    string IdempotencyKey,
    string? StatementDescriptorSuffix = null,
    IReadOnlyList<string>? ProductImages = null);
