using Stripe;

namespace Marketplace.StripeGateway;

/// <summary>
/// After the sale of a destination charge: refunds with the creator's share and the platform's fee given back
/// (https://docs.stripe.com/connect/marketplace/tasks/refunds-disputes), the charge as it now stands, its disputes, and
/// the platform's own transfer reversals and transfers (https://docs.stripe.com/disputes/connect).
/// </summary>
public partial interface IStripeGateway
{
    /// <summary>
    /// <c>POST /v1/refunds</c> with <c>payment_intent</c>, <c>amount</c> (minor units), <c>reason</c>,
    /// <c>reverse_transfer=true</c>, <c>refund_application_fee</c> (the request's choice), <c>metadata</c>, and the request's idempotency
    /// key (the same key replays the first answer). Throws <see cref="StripeException"/> when Stripe refuses
    /// (<c>amount_too_large</c>, <c>charge_already_refunded</c>, <c>charge_disputed</c>, …) or cannot be reached.
    /// </summary>
    Task<Refund> CreateOrderRefundAsync(OrderRefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /v1/charges/{id}</c> with <c>expand[]=refunds</c>, <c>transfer</c> (its <c>reversals</c>) and
    /// <c>application_fee</c>: the charge's refunds and what they reversed. Null on 404.
    /// </summary>
    Task<Charge?> FindChargeWithRefundsAsync(string chargeId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/refunds/{id}</c> (<c>re_…</c>); null on 404.</summary>
    Task<Refund?> FindRefundAsync(string refundId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/disputes/{id}</c> (<c>dp_…</c>); null on 404.</summary>
    Task<Dispute?> FindDisputeAsync(string disputeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/disputes/{id}</c> (https://docs.stripe.com/api/disputes/update) with the text fields of
    /// <paramref name="evidence"/> as <c>evidence[…]</c> (empty ones left out), <c>submit=true</c> (Stripe sends it to the
    /// bank at once; no later change) and the idempotency key. Throws <see cref="StripeException"/> when Stripe refuses
    /// (the dispute is no longer open to evidence, a field too long) or cannot be reached.
    /// </summary>
    Task<Dispute> SubmitDisputeEvidenceAsync(string disputeId, DisputeEvidenceText evidence, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST https://files.stripe.com/v1/files</c> (https://docs.stripe.com/api/files/create): uploads
    /// <paramref name="content"/> as <c>multipart/form-data</c> with <c>purpose=dispute_evidence</c> (PDF, JPEG or PNG;
    /// Stripe's limits: https://docs.stripe.com/file-upload), named <paramref name="fileName"/> with
    /// <paramref name="contentType"/>, under the idempotency key; the returned <c>file_…</c> id goes into a file field of
    /// <see cref="DisputeEvidenceText"/>. Throws <see cref="StripeException"/> when Stripe refuses the file or cannot be reached.
    /// </summary>
    Task<Stripe.File> UploadDisputeEvidenceFileAsync(Stream content, string fileName, string contentType, string idempotencyKey,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v1/disputes?charge={id}</c>: the charge's disputes, newest first (a charge has at most one).</summary>
    Task<IReadOnlyList<Dispute>> ListDisputesOfChargeAsync(string chargeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/transfers/{id}/reversals</c>: takes <paramref name="amountMinor"/> back from the transfer's destination
    /// account, with <paramref name="metadata"/> and the idempotency key. Throws <see cref="StripeException"/> on an amount
    /// beyond what is left to reverse.
    /// </summary>
    Task<TransferReversal> ReverseTransferAsync(string transferId, long amountMinor, IReadOnlyDictionary<string, string> metadata, string idempotencyKey,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /v1/transfers</c> with <c>amount</c> (minor units of <paramref name="currency"/>), <c>currency</c>,
    /// <c>destination</c> (<c>acct_…</c>), metadata and the idempotency key. Throws <see cref="StripeException"/>
    /// (<c>balance_insufficient</c> when the platform's available balance is short).
    /// </summary>
    Task<Transfer> CreateTransferAsync(long amountMinor, string currency, string destinationAccountId, IReadOnlyDictionary<string, string> metadata,
        string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The platform's transfer to <paramref name="destinationAccountId"/> (<c>acct_…</c>) whose <c>metadata[metadataKey]</c> is
    /// <paramref name="metadataValue"/>, newest first; null when none. <c>GET /v1/transfers?destination=…</c>, every page
    /// (https://docs.stripe.com/api/transfers/list: Stripe filters by destination, not by metadata, so the match is made here).
    /// </summary>
    Task<Transfer?> FindTransferToAsync(string destinationAccountId, string metadataKey, string metadataValue, CancellationToken cancellationToken = default);

    /// <summary>
    /// The platform's <c>available</c> balance in <paramref name="currency"/> (minor units; 0 when the currency is absent),
    /// from <c>GET /v1/balance</c> (https://docs.stripe.com/api/balance/balance_retrieve).
    /// </summary>
    Task<long> GetPlatformAvailableAsync(string currency, CancellationToken cancellationToken = default);
}

/// <summary>
/// A refund of an order's destination charge. <paramref name="AmountMinor"/> is in minor units of the charge's currency;
/// <paramref name="Reason"/> one of Stripe's (<c>Marketplace.Core.Refunds.RefundReasons</c>); <paramref name="Metadata"/> holds the order id;
/// <paramref name="RefundApplicationFee"/> is sent as <c>refund_application_fee</c> (the <c>Refunds:RefundApplicationFee</c> setting).
/// </summary>
public sealed record OrderRefundRequest(string PaymentIntentId, long AmountMinor, string Reason, IReadOnlyDictionary<string, string> Metadata, string IdempotencyKey,
    bool RefundApplicationFee = false);

/// <summary>
/// The text evidence of a dispute of a digital product (https://docs.stripe.com/api/disputes/update#update_dispute-evidence):
/// each at most 20,000 characters, empty when not given. Stripe's <c>customer_communication</c> and <c>refund_policy</c>
/// are file ids, so the customer communication typed in goes into <c>uncategorized_text</c> and the refund policy into
/// <c>refund_policy_disclosure</c>.
/// </summary>
/// <remarks>
/// <see cref="ReceiptFileId"/> (<c>evidence[receipt]</c>) and <see cref="UncategorizedFileId"/> (<c>evidence[uncategorized_file]</c>)
/// are ids of files uploaded with <see cref="IStripeGateway.UploadDisputeEvidenceFileAsync"/>; null when none.
/// </remarks>
public sealed record DisputeEvidenceText(string? ProductDescription, string? AccessActivityLog, string? RefundPolicyDisclosure, string? UncategorizedText,
    string? CustomerEmailAddress = null, string? ReceiptFileId = null, string? UncategorizedFileId = null);
