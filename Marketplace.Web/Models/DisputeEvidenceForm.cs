using Marketplace.Core.Disputes;

namespace Marketplace.Web.Models;

/// <summary>
/// The evidence form of one disputed order (<c>Views/Disputes/_EvidenceForm</c>) on the creator's sales page and the
/// admin's orders page: where it posts, the order's download log and the shop's refund policy prefilled, the deadline
/// (UTC) and the form's random token.
/// </summary>
public sealed record DisputeEvidenceFormModel(int OrderId, string Action, string AccessLog, string? RefundPolicy, string ProductDescription, DateTime? DueBy,
    string RequestToken);

/// <summary>The fields the evidence form posts (each at most <see cref="DisputeEvidence.MaxFieldLength"/> characters).</summary>
public sealed class DisputeEvidenceInput
{
    /// <summary><c>evidence[product_description]</c>.</summary>
    public string? ProductDescription { get; set; }

    /// <summary>What the creator and the buyer wrote to each other (sent in <c>evidence[uncategorized_text]</c>).</summary>
    public string? CustomerCommunication { get; set; }

    /// <summary><c>evidence[access_activity_log]</c>: the download log.</summary>
    public string? AccessActivityLog { get; set; }

    /// <summary><c>evidence[refund_policy_disclosure]</c>.</summary>
    public string? RefundPolicy { get; set; }

    /// <summary><c>evidence[uncategorized_text]</c>.</summary>
    public string? UncategorizedText { get; set; }

    /// <summary>The form's random token (a double submit sends once).</summary>
    public string? RequestToken { get; set; }

    /// <summary>The receipt sent to the buyer (PDF, JPEG or PNG): <c>evidence[receipt]</c>.</summary>
    public IFormFile? ReceiptFile { get; set; }

    /// <summary>Any other file (a screenshot, an email as PDF): <c>evidence[uncategorized_file]</c>.</summary>
    public IFormFile? OtherFile { get; set; }

    /// <summary>The command for order <paramref name="orderId"/>, by creator <paramref name="creatorProfileId"/> (null: an admin).</summary>
    public DisputeEvidenceCommand ToCommand(int orderId, int? creatorProfileId)
    {
        var files = new List<EvidenceFile>();
        if (ReceiptFile is { Length: > 0 } receipt) files.Add(new(EvidenceFileField.Receipt, receipt.FileName, receipt.Length, receipt.OpenReadStream));
        if (OtherFile is { Length: > 0 } other) files.Add(new(EvidenceFileField.Uncategorized, other.FileName, other.Length, other.OpenReadStream));
        return new(orderId, creatorProfileId, ProductDescription, CustomerCommunication, AccessActivityLog, RefundPolicy, UncategorizedText, RequestToken, files);
    }
}
