using Marketplace.Core.Accounts;
using Marketplace.Core.Creators;
using Marketplace.Core.Listings;

namespace Marketplace.Core.Orders;

/// <summary>
/// A buyer's purchase of one listing, paid as a Stripe destination charge through a payment-mode Checkout Session
/// (https://docs.stripe.com/connect/destination-charges). The listing's title, price and currency and the plan's
/// commission are snapshotted when the buyer clicks Buy, so later edits of the listing or the plan never change what
/// was sold. Amounts are minor units of <see cref="Currency"/>; times are UTC. Transitions say whether anything changed,
/// so a webhook and the success page can both apply the same payment and the second is a no-op.
/// </summary>
public partial class Order
{
    private Order()
    {
    }

    /// <summary>A pending order for <paramref name="listing"/> at the commission <paramref name="commissionRateBps"/>.</summary>
    /// <param name="listing">The listing bought (its title, price and currency are copied).</param>
    /// <param name="commissionRateBps">The creator's plan's commission now, basis points (1000 = 10 %).</param>
    /// <param name="applicationFeeMinor">The platform's fee on this order (<see cref="PlatformFees.For"/>: the commission, at least the currency's minimum).</param>
    /// <param name="buyerKey">The buyer's browser (a cookie's random id), to reuse this order on a second click.</param>
    /// <param name="buyerUserId">The signed-in buyer's user id; null for a visitor.</param>
    /// <param name="buyerEmail">The signed-in buyer's email; a visitor's comes from Checkout once paid.</param>
    /// <param name="now">UTC.</param>
    /// <param name="culture">The buyer's language at checkout (<c>en</c>/<c>fr</c>), for their emails; null: the default.</param>
    /// <exception cref="DomainException">The fee is negative or not below the amount, or the buyer key is empty.</exception>
    public Order(Listing listing, int commissionRateBps, long applicationFeeMinor, string buyerKey, string? buyerUserId, string? buyerEmail, DateTime now,
        string? culture = null)
    {
        if (applicationFeeMinor < 0 || (applicationFeeMinor > 0 && applicationFeeMinor >= listing.PriceMinor))
            throw new DomainException("The platform's fee must be below the amount.");
        if (string.IsNullOrWhiteSpace(buyerKey)) throw new DomainException("An order needs the buyer's browser key.");
        PublicToken = OrderToken.New();
        ListingId = listing.Id;
        CreatorProfileId = listing.CreatorProfileId;
        ListingTitle = listing.Title;
        AmountMinor = listing.PriceMinor;
        Currency = listing.Currency;
        CommissionRateBps = commissionRateBps;
        ApplicationFeeMinor = applicationFeeMinor;
        BuyerKey = buyerKey;
        BuyerUserId = buyerUserId;
        (BuyerEmail, BuyerEmailLower) = (buyerEmail, buyerEmail?.ToLowerInvariant());
        Culture = Accounts.UserCultures.Normalize(culture);
        Status = OrderStatus.Pending;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    /// <summary>The buyer's unguessable id of the order (<see cref="OrderToken"/>), in <c>/orders/{token}</c>.</summary>
    public string PublicToken { get; private set; } = "";

    public int ListingId { get; private set; }

    public Listing? Listing { get; private set; }

    public int CreatorProfileId { get; private set; }

    public CreatorProfile? CreatorProfile { get; private set; }

    /// <summary>The listing's title when bought.</summary>
    public string ListingTitle { get; private set; } = "";

    /// <summary>The price charged, minor units of <see cref="Currency"/>.</summary>
    public long AmountMinor { get; private set; }

    /// <summary>ISO 4217, lower case.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>The commission rate of the creator's plan when bought, basis points.</summary>
    public int CommissionRateBps { get; private set; }

    /// <summary>The platform's commission, sent as <c>payment_intent_data[application_fee_amount]</c> (0: none sent).</summary>
    public long ApplicationFeeMinor { get; private set; }

    /// <summary>What the creator keeps: <see cref="AmountMinor"/> − <see cref="ApplicationFeeMinor"/>.</summary>
    public long CreatorNetMinor => AmountMinor - ApplicationFeeMinor;

    /// <summary>The random id of the buyer's browser (a cookie), so a second click reuses this order.</summary>
    public string BuyerKey { get; private set; } = "";

    /// <summary>The signed-in buyer's Identity user id; null for a visitor.</summary>
    public string? BuyerUserId { get; private set; }

    /// <summary>The buyer's email: the signed-in user's, or what Checkout collected once paid.</summary>
    public string? BuyerEmail { get; private set; }

    /// <summary>
    /// <see cref="BuyerEmail"/> in lower case (invariant culture), set with it and indexed, so that the lookups of a
    /// buyer's orders by email ("send me my orders", attaching guest orders to a new account) read an index instead of
    /// applying <c>lower()</c> to every order's email.
    /// </summary>
    public string? BuyerEmailLower { get; private set; }

    /// <summary>The buyer's language at checkout, <c>en</c> or <c>fr</c>, for the emails of a buyer without an account; null: the default.</summary>
    public string? Culture { get; private set; }

    public OrderStatus Status { get; private set; }

    /// <summary>The Checkout Session, <c>cs_…</c>; null until Stripe created it.</summary>
    public string? StripeCheckoutSessionId { get; private set; }

    /// <summary>The hosted Checkout page while the session is open.</summary>
    public string? CheckoutUrl { get; private set; }

    /// <summary>The session's <c>expires_at</c>, UTC.</summary>
    public DateTime? CheckoutExpiresAt { get; private set; }

    /// <summary><c>pi_…</c> once paid.</summary>
    public string? StripePaymentIntentId { get; private set; }

    /// <summary><c>ch_…</c> once paid (the PaymentIntent's <c>latest_charge</c>).</summary>
    public string? StripeChargeId { get; private set; }

    /// <summary><c>tr_…</c>: the charge's transfer of the amount to the creator's Connect account.</summary>
    public string? StripeTransferId { get; private set; }

    /// <summary><c>fee_…</c>: the application fee the platform collected back.</summary>
    public string? StripeApplicationFeeId { get; private set; }

    /// <summary>Stripe's processing fee (the balance transaction's <c>fee</c>), paid by the platform; null until known.</summary>
    public long? StripeFeeMinor { get; private set; }

    /// <summary>What the platform earns: <see cref="ApplicationFeeMinor"/> − <see cref="StripeFeeMinor"/>; null until known. May be negative.</summary>
    public long? PlatformNetMinor { get; private set; }

    /// <summary>The charge's <c>receipt_url</c>.</summary>
    public string? ReceiptUrl { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the order became Paid, UTC.</summary>
    public DateTime? PaidAt { get; private set; }

    /// <summary>When the order became Expired, UTC.</summary>
    public DateTime? ExpiredAt { get; private set; }

    /// <summary>What Stripe refunded to the buyer (the charge's <c>amount_refunded</c>), minor units.</summary>
    public long RefundedMinor { get; private set; }

    /// <summary>What the refunds took back from the creator (the transfer's reversals made by refunds), minor units.</summary>
    public long TransferReversedMinor { get; private set; }

    /// <summary>What the refunds gave back of the platform's fee (the application fee's <c>amount_refunded</c>), minor units.</summary>
    public long ApplicationFeeRefundedMinor { get; private set; }

    /// <summary>Stripe's <c>failure_reason</c> of the latest refund when it failed (e.g. <c>expired_or_canceled_card</c>); null otherwise.</summary>
    public string? RefundFailureReason { get; private set; }

    /// <summary>
    /// What the charge's refunds still being processed amount to (status <c>pending</c> or <c>requires_action</c>, e.g. a
    /// refund the platform's available balance does not cover yet), minor units; 0 when none. Stripe's <c>amount_refunded</c>
    /// (<see cref="RefundedMinor"/>) already counts them; a pending refund may still fail, and then leaves both.
    /// </summary>
    public long RefundPendingMinor { get; private set; }

    /// <summary>The form token of the last refund request applied, so a double submit of that form refunds nothing more.</summary>
    public string? LastRefundRequestToken { get; private set; }

    /// <summary>The charge's dispute, <c>dp_…</c>; null when none.</summary>
    public string? StripeDisputeId { get; private set; }

    /// <summary>The disputed amount, minor units of <see cref="Currency"/>.</summary>
    public long? DisputeAmountMinor { get; private set; }

    /// <summary>The dispute's <c>reason</c> (<c>fraudulent</c>, <c>product_not_received</c>, …).</summary>
    public string? DisputeReason { get; private set; }

    /// <summary>The dispute's <c>status</c> (<c>needs_response</c>, <c>under_review</c>, <c>won</c>, <c>lost</c>, …).</summary>
    public string? DisputeStatus { get; private set; }

    /// <summary>The dispute's <c>evidence_details.due_by</c>, UTC.</summary>
    public DateTime? DisputeEvidenceDueBy { get; private set; }

    /// <summary>Stripe's dispute fee the platform paid (the dispute's balance transactions' <c>fee</c>), minor units; 0 when none.</summary>
    public long DisputeFeeMinor { get; private set; }

    /// <summary>The reversal of the creator's transfer made for the dispute, <c>trr_…</c>; null when none was made.</summary>
    public string? DisputeTransferReversalId { get; private set; }

    /// <summary>The amount of <see cref="DisputeTransferReversalId"/>, minor units; 0 when none.</summary>
    public long DisputeTransferReversedMinor { get; private set; }

    /// <summary>The transfer giving the creator back the reversed amount after a won dispute, <c>tr_…</c>; null when none.</summary>
    public string? DisputeRetransferId { get; private set; }

    /// <summary>What is left to refund: <see cref="AmountMinor"/> − <see cref="RefundedMinor"/>, minor units.</summary>
    public long RefundableMinor => AmountMinor - RefundedMinor;

    /// <summary>True when the order is paid, not (fully) refunded and not under a dispute: a refund may be asked of Stripe.</summary>
    public bool CanBeRefunded => Status is OrderStatus.Paid or OrderStatus.PartiallyRefunded && StripePaymentIntentId is not null && RefundableMinor > 0;

    /// <summary>True while a dispute is open (not <c>won</c>, <c>lost</c> or <c>warning_closed</c>).</summary>
    public bool HasOpenDispute => Status == OrderStatus.Disputed;

    public const int MaxUrlLength = 2048;

    /// <summary>True while the buyer can still be sent to the session's page (pending, open more than a minute longer).</summary>
    public bool HasOpenCheckout(DateTime now) =>
        Status == OrderStatus.Pending && CheckoutUrl is not null && CheckoutExpiresAt > now.AddMinutes(1);

    /// <summary>Records the Checkout Session Stripe created. Returns false when it was recorded already.</summary>
    /// <exception cref="DomainException">Another session is recorded for this order.</exception>
    public bool AttachCheckoutSession(string sessionId, string? url, DateTime expiresAt, DateTime now)
    {
        if (StripeCheckoutSessionId == sessionId) return false;
        if (StripeCheckoutSessionId is not null) throw new DomainException($"Order {Id} already has Checkout Session {StripeCheckoutSessionId}.");
        StripeCheckoutSessionId = sessionId;
        CheckoutUrl = url;
        CheckoutExpiresAt = expiresAt;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// The session is complete and paid: Paid, with Stripe's ids, fee and receipt. A Pending or Expired order becomes Paid
    /// (money moved, so it is fulfilled whatever came first); a Paid one (or one refunded or disputed since: a late or
    /// repeated delivery never undoes that) only gains details it lacked. Returns whether
    /// anything changed.
    /// </summary>
    public bool MarkPaid(OrderPayment payment, DateTime now)
    {
        var changed = false;
        if (Status is OrderStatus.Pending or OrderStatus.Expired)
        {
            Status = OrderStatus.Paid;
            PaidAt = now;
            CheckoutUrl = null;
            changed = true;
        }

        changed |= Fill(StripePaymentIntentId, payment.PaymentIntentId, v => StripePaymentIntentId = v);
        changed |= Fill(StripeChargeId, payment.ChargeId, v => StripeChargeId = v);
        changed |= Fill(StripeTransferId, payment.TransferId, v => StripeTransferId = v);
        changed |= Fill(StripeApplicationFeeId, payment.ApplicationFeeId, v => StripeApplicationFeeId = v);
        changed |= Fill(ReceiptUrl, payment.ReceiptUrl, v => ReceiptUrl = v);
        changed |= Fill(BuyerEmail, payment.BuyerEmail, v => (BuyerEmail, BuyerEmailLower) = (v, v.ToLowerInvariant()));
        if (StripeFeeMinor is null && payment.StripeFeeMinor is { } fee)
        {
            StripeFeeMinor = fee;
            PlatformNetMinor = ApplicationFeeMinor - fee;
            changed = true;
        }

        if (changed) UpdatedAt = now;
        return changed;
    }

    /// <summary>The session expired unpaid: a Pending order becomes Expired; Paid and Expired ones stay. Returns whether it changed.</summary>
    public bool MarkExpired(DateTime now)
    {
        if (Status != OrderStatus.Pending) return false;
        Status = OrderStatus.Expired;
        ExpiredAt = now;
        CheckoutUrl = null;
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Recomputes the refund and dispute facts from what Stripe holds for the order's charge (<see cref="OrderChargeState"/>),
    /// so any order and number of deliveries ends the same: the status is DisputeLost or Disputed while the charge's
    /// dispute is lost or open, otherwise Refunded, PartiallyRefunded or Paid from <c>amount_refunded</c>. Only a paid
    /// order changes (Pending and Expired ones return false). Returns whether anything changed.
    /// </summary>
    public bool ApplyStripeCharge(OrderChargeState state, DateTime now)
    {
        if (Status is OrderStatus.Pending or OrderStatus.Expired) return false;
        var before = (Status, RefundedMinor, TransferReversedMinor, ApplicationFeeRefundedMinor, RefundFailureReason, StripeDisputeId, DisputeAmountMinor,
            DisputeReason, DisputeStatus, DisputeEvidenceDueBy, DisputeTransferReversalId, DisputeTransferReversedMinor, DisputeRetransferId, DisputeFeeMinor, RefundPendingMinor);
        RefundedMinor = state.AmountRefundedMinor;
        TransferReversedMinor = state.TransferReversedForRefundsMinor;
        ApplicationFeeRefundedMinor = state.ApplicationFeeRefundedMinor;
        RefundFailureReason = state.LatestRefundFailureReason;
        if (state.Refunds is { } refunds) RefundPendingMinor = refunds.Where(r => r.IsPending).Sum(r => r.AmountMinor);
        if (state.Dispute is { } dispute)
        {
            StripeDisputeId = dispute.DisputeId;
            DisputeAmountMinor = dispute.AmountMinor;
            DisputeReason = dispute.Reason;
            DisputeStatus = dispute.Status;
            DisputeEvidenceDueBy = dispute.EvidenceDueBy;
            DisputeFeeMinor = dispute.FeeMinor;
        }

        DisputeTransferReversalId = state.DisputeTransferReversalId ?? DisputeTransferReversalId;
        DisputeTransferReversedMinor = state.DisputeTransferReversalId is null ? DisputeTransferReversedMinor : state.DisputeTransferReversedMinor;
        DisputeRetransferId = state.DisputeRetransferId ?? DisputeRetransferId;
        var refundStatus = RefundedMinor >= AmountMinor ? OrderStatus.Refunded : RefundedMinor > 0 ? OrderStatus.PartiallyRefunded : OrderStatus.Paid;
        Status = DisputeStatus switch
        {
            null or "won" or "warning_closed" => refundStatus,
            "lost" => OrderStatus.DisputeLost,
            _ => OrderStatus.Disputed,
        };
        var changed = before != (Status, RefundedMinor, TransferReversedMinor, ApplicationFeeRefundedMinor, RefundFailureReason, StripeDisputeId,
            DisputeAmountMinor, DisputeReason, DisputeStatus, DisputeEvidenceDueBy, DisputeTransferReversalId, DisputeTransferReversedMinor, DisputeRetransferId,
            DisputeFeeMinor, RefundPendingMinor);
        if (changed) UpdatedAt = now;
        return changed;
    }

    /// <summary>Records the form token of a refund request Stripe answered, so the same form submitted again refunds nothing more.</summary>
    public void RecordRefundRequest(string requestToken, DateTime now)
    {
        LastRefundRequestToken = requestToken;
        UpdatedAt = now;
    }

    /// <summary>
    /// The buyer deleted their account: the order stays as the creator's bookkeeping record (listing, amounts, Stripe
    /// ids, dates) without the buyer's email or user id. Returns false when there was nothing left to remove.
    /// </summary>
    public bool AnonymiseBuyer(DateTime now)
    {
        if (BuyerUserId is null && BuyerEmail is null) return false;
        BuyerUserId = null;
        (BuyerEmail, BuyerEmailLower) = (null, null);
        UpdatedAt = now;
        return true;
    }

    private static bool Fill(string? current, string? value, Action<string> set)
    {
        if (current is not null || string.IsNullOrEmpty(value)) return false;
        set(value);
        return true;
    }
}
