using Stripe;

namespace Marketplace.StripeGateway;

public sealed partial class StripeGateway
{
    /// <inheritdoc />
    public Task<Refund> CreateOrderRefundAsync(OrderRefundRequest request, CancellationToken cancellationToken = default) =>
        client.V1.Refunds.CreateAsync(new RefundCreateOptions
        {
            PaymentIntent = request.PaymentIntentId,
            Amount = request.AmountMinor,
            Reason = request.Reason,
            ReverseTransfer = true,
            RefundApplicationFee = request.RefundApplicationFee,
            Metadata = new Dictionary<string, string>(request.Metadata),
        }, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Charge?> FindChargeWithRefundsAsync(string chargeId, CancellationToken cancellationToken = default) =>
        NullWhenMissing(() => client.V1.Charges.GetAsync(chargeId,
            new ChargeGetOptions { Expand = ["refunds", "transfer", "application_fee"] }, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public Task<Refund?> FindRefundAsync(string refundId, CancellationToken cancellationToken = default) =>
        NullWhenMissing(() => client.V1.Refunds.GetAsync(refundId, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public Task<Dispute?> FindDisputeAsync(string disputeId, CancellationToken cancellationToken = default) =>
        NullWhenMissing(() => client.V1.Disputes.GetAsync(disputeId, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public Task<Dispute> SubmitDisputeEvidenceAsync(string disputeId, DisputeEvidenceText evidence, string idempotencyKey, CancellationToken cancellationToken = default) =>
        client.V1.Disputes.UpdateAsync(disputeId, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions
            {
                ProductDescription = Blank(evidence.ProductDescription),
                AccessActivityLog = Blank(evidence.AccessActivityLog),
                RefundPolicyDisclosure = Blank(evidence.RefundPolicyDisclosure),
                UncategorizedText = Blank(evidence.UncategorizedText),
                CustomerEmailAddress = Blank(evidence.CustomerEmailAddress),
                Receipt = Blank(evidence.ReceiptFileId),
                UncategorizedFile = Blank(evidence.UncategorizedFileId),
            },
            Submit = true,
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Stripe.File> UploadDisputeEvidenceFileAsync(Stream content, string fileName, string contentType, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.V1.Files.CreateAsync(new FileCreateOptions
        {
            File = new MultipartFileContent { Data = content, Name = fileName, Type = contentType },
            Purpose = "dispute_evidence",
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Dispute>> ListDisputesOfChargeAsync(string chargeId, CancellationToken cancellationToken = default) =>
        (await client.V1.Disputes.ListAsync(new DisputeListOptions { Charge = chargeId, Limit = 10 }, cancellationToken: cancellationToken)).Data;

    /// <inheritdoc />
    public Task<TransferReversal> ReverseTransferAsync(string transferId, long amountMinor, IReadOnlyDictionary<string, string> metadata, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        client.V1.Transfers.Reversals.CreateAsync(transferId, new TransferReversalCreateOptions
        {
            Amount = amountMinor,
            Metadata = new Dictionary<string, string>(metadata),
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public Task<Transfer> CreateTransferAsync(long amountMinor, string currency, string destinationAccountId, IReadOnlyDictionary<string, string> metadata,
        string idempotencyKey, CancellationToken cancellationToken = default) =>
        client.V1.Transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = amountMinor,
            Currency = currency,
            Destination = destinationAccountId,
            Metadata = new Dictionary<string, string>(metadata),
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    /// <inheritdoc />
    public async Task<Transfer?> FindTransferToAsync(string destinationAccountId, string metadataKey, string metadataValue,
        CancellationToken cancellationToken = default)
    {
        var options = new TransferListOptions { Destination = destinationAccountId, Limit = 100 };
        await foreach (var transfer in client.V1.Transfers.ListAutoPagingAsync(options, cancellationToken: cancellationToken))
            if (transfer.Metadata?.GetValueOrDefault(metadataKey) == metadataValue) return transfer;
        return null;
    }

    /// <inheritdoc />
    public async Task<long> GetPlatformAvailableAsync(string currency, CancellationToken cancellationToken = default)
    {
        var balance = await client.V1.Balance.GetAsync(cancellationToken: cancellationToken);
        return balance.Available?.Where(a => string.Equals(a.Currency, currency, StringComparison.OrdinalIgnoreCase)).Sum(a => a.Amount) ?? 0;
    }
}
