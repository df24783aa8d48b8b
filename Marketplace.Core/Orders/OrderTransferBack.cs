namespace Marketplace.Core.Orders;

public partial class Order
{
    /// <summary>The longest refusal kept in <see cref="TransferBackRefusal"/>, characters.</summary>
    public const int MaxTransferBackRefusalLength = 500;

    /// <summary>
    /// When the platform started to owe the creator the transfer back of a won dispute (the first time the order was seen
    /// <c>won</c> with its transfer reversed and not given back), UTC; null when it never owed one.
    /// </summary>
    public DateTime? TransferBackOwedSince { get; private set; }

    /// <summary>
    /// Stripe's last refusal of the transfer back (its error <c>code</c>, then its message, e.g. <c>balance_insufficient:
    /// …</c>), at most <see cref="MaxTransferBackRefusalLength"/> characters; null when Stripe never refused it.
    /// </summary>
    public string? TransferBackRefusal { get; private set; }

    /// <summary>
    /// True while the platform owes the creator the transfer back of a won dispute: the dispute is <c>won</c>, the creator's
    /// transfer was reversed for it, and no transfer back exists yet.
    /// </summary>
    public bool OwesTransferBack => DisputeStatus == "won" && DisputeTransferReversalId is not null && DisputeRetransferId is null;

    /// <summary>
    /// Records that the transfer back is owed since <paramref name="now"/> (kept when already recorded), and Stripe's
    /// <paramref name="refusal"/> of it when given (null keeps the last one). Does nothing unless <see cref="OwesTransferBack"/>.
    /// Returns whether anything changed.
    /// </summary>
    public bool RecordTransferBackOwed(DateTime now, string? refusal = null)
    {
        if (!OwesTransferBack) return false;
        var changed = false;
        if (TransferBackOwedSince is null)
        {
            TransferBackOwedSince = now;
            changed = true;
        }

        if (!string.IsNullOrWhiteSpace(refusal))
        {
            var text = refusal.Length > MaxTransferBackRefusalLength ? refusal[..MaxTransferBackRefusalLength] : refusal;
            if (text != TransferBackRefusal)
            {
                TransferBackRefusal = text;
                changed = true;
            }
        }

        if (changed) UpdatedAt = now;
        return changed;
    }
}
