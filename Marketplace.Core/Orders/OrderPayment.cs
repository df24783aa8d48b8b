namespace Marketplace.Core.Orders;

/// <summary>
/// What Stripe holds about a paid destination charge, read from the Checkout Session with
/// <c>payment_intent.latest_charge.balance_transaction</c> expanded (https://docs.stripe.com/api/charges/object).
/// Amounts are minor units of the order's currency; ids are Stripe's (<c>pi_…</c>, <c>ch_…</c>, <c>tr_…</c>, <c>fee_…</c>).
/// </summary>
/// <param name="PaymentIntentId">The session's PaymentIntent.</param>
/// <param name="ChargeId">Its latest charge; null when Stripe did not give it.</param>
/// <param name="TransferId">The charge's transfer to the creator's account (<c>transfer</c>).</param>
/// <param name="ApplicationFeeId">The charge's application fee (<c>application_fee</c>).</param>
/// <param name="StripeFeeMinor">The balance transaction's <c>fee</c>: Stripe's processing fee, paid by the platform.</param>
/// <param name="ReceiptUrl">The charge's <c>receipt_url</c>.</param>
/// <param name="BuyerEmail">The email Checkout collected (<c>customer_details.email</c>).</param>
public sealed record OrderPayment(
    string? PaymentIntentId,
    string? ChargeId,
    string? TransferId,
    string? ApplicationFeeId,
    long? StripeFeeMinor,
    string? ReceiptUrl,
    string? BuyerEmail);
