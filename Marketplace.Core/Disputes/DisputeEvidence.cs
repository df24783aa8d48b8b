using System.Globalization;
using System.Text;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Orders;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;

namespace Marketplace.Core.Disputes;

/// <summary>
/// The evidence a creator (their own order) or an admin (any order) types for an open dispute; each field at most
/// <see cref="DisputeEvidence.MaxFieldLength"/> characters. <paramref name="CreatorProfileId"/> is the signed-in
/// creator's id, null for an admin; <paramref name="RequestToken"/> the form's random token; <paramref name="Files"/> the
/// attached files (PDF, JPEG, PNG; see <see cref="EvidenceFiles"/>), none when null.
/// </summary>
public sealed record DisputeEvidenceCommand(int OrderId, int? CreatorProfileId, string? ProductDescription, string? CustomerCommunication,
    string? AccessActivityLog, string? RefundPolicy, string? UncategorizedText, string? RequestToken, IReadOnlyList<EvidenceFile>? Files = null);

/// <summary>What an evidence submission did: whether Stripe took it, and the message to show.</summary>
public sealed record DisputeEvidenceResult(bool Succeeded, Text.CoreMessage Message);

/// <summary>
/// Answers a dispute of an order's destination charge from inside the product (the dispute is on the platform's
/// account, which the creator cannot open): <c>POST /v1/disputes/{id}</c> with <c>evidence[…]</c> and <c>submit=true</c>
/// (https://docs.stripe.com/disputes/responding) through the gateway, under the order's lock, keyed by the form's token.
/// Attached files are uploaded first (<c>POST /v1/files</c>, <c>purpose=dispute_evidence</c>) and their ids sent as
/// <c>evidence[receipt]</c> and <c>evidence[uncategorized_file]</c>.
/// Refused with a message, never thrown, and then nothing is sent: no such order, no dispute awaiting evidence
/// (<c>needs_response</c>), the deadline (<c>evidence_details.due_by</c>) passed, nothing typed or attached, a field too
/// long, a file that is not a PDF, JPEG or PNG, files over Stripe's 4.5 MB, or Stripe's refusal. The dispute is
/// refetched and the order updated at once (<c>charge.dispute.updated</c> confirms it).
/// </summary>
public sealed class DisputeEvidence(MarketplaceDbContext db, IStripeGateway stripe, IDistributedLocks locks, OrderChargeSync charges, TimeProvider clock,
    ILogger<DisputeEvidence> logger)
{
    /// <summary>Stripe's limit on one evidence text field, characters.</summary>
    public const int MaxFieldLength = 20_000;

    /// <summary>
    /// The order's download log as <c>access_activity_log</c> text: one line per download (UTC time, file name, size in
    /// bytes, SHA-256), oldest first, from <see cref="Deliveries.FileDownload"/>; empty when the buyer downloaded nothing.
    /// </summary>
    public async Task<string> AccessLogAsync(int orderId, CancellationToken cancellationToken = default)
    {
        var rows = await db.FileDownloads.AsNoTracking().Where(d => d.OrderId == orderId).OrderBy(d => d.DownloadedAt).ThenBy(d => d.Id)
            .Select(d => new { d.DownloadedAt, d.FileName, d.SizeBytes, d.Sha256 }).Take(200).ToListAsync(cancellationToken);
        var log = new StringBuilder();
        foreach (var row in rows)
            log.Append(CultureInfo.InvariantCulture, $"{row.DownloadedAt:yyyy-MM-dd HH:mm:ss} UTC: downloaded \"{row.FileName}\" ({row.SizeBytes} bytes, SHA-256 {row.Sha256})\n");
        return log.ToString();
    }

    /// <summary>Sends <paramref name="command"/>'s evidence to Stripe; see the class. Never throws for a refusal; the result says why.</summary>
    public async Task<DisputeEvidenceResult> SubmitAsync(DisputeEvidenceCommand command, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(command.RequestToken) || command.RequestToken.Length > 64)
            return new(false, "The evidence form has expired; open the sales page again.");
        string?[] fields = [command.ProductDescription, command.CustomerCommunication, command.AccessActivityLog, command.RefundPolicy, command.UncategorizedText];
        var files = command.Files ?? [];
        if (fields.All(string.IsNullOrWhiteSpace) && files.Count == 0) return new(false, "Type some evidence before sending it.");
        if (fields.Any(f => f?.Length > MaxFieldLength)) return new(false, Text.CoreMessage.Of("Each evidence field holds at most {0} characters.", MaxFieldLength));
        if (await CheckFilesAsync(files, cancellationToken) is { } refusal) return new(false, refusal);

        var visible = await db.Orders.AsNoTracking().AnyAsync(o => o.Id == command.OrderId
            && (command.CreatorProfileId == null || o.CreatorProfileId == command.CreatorProfileId), cancellationToken);
        if (!visible) return new(false, "There is no such order.");

        IDisposable orderLock;
        try
        {
            orderLock = await locks.AcquireAsync(OrderChargeSync.LockName(command.OrderId), TimeSpan.FromSeconds(10), cancellationToken);
        }
        catch (TimeoutException)
        {
            return new(false, "This order is being updated; send the evidence again in a moment.");
        }

        using (orderLock)
            return await SubmitLockedAsync(command, cancellationToken);
    }

    private async Task<DisputeEvidenceResult> SubmitLockedAsync(DisputeEvidenceCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleAsync(o => o.Id == command.OrderId, cancellationToken);
        if (order.StripeDisputeId is null || order.DisputeStatus is not ("needs_response" or "warning_needs_response"))
            return new(false, "This order has no dispute waiting for evidence.");
        if (order.DisputeEvidenceDueBy is { } due && due <= clock.GetUtcNow().UtcDateTime)
            return new(false, Text.CoreMessage.Of("The deadline to answer this dispute passed on {0}; Stripe no longer takes evidence.", due));

        var uncategorized = string.Join("\n\n", new[]
        {
            string.IsNullOrWhiteSpace(command.CustomerCommunication) ? null : "Communication with the customer:\n" + command.CustomerCommunication.Trim(),
            string.IsNullOrWhiteSpace(command.UncategorizedText) ? null : command.UncategorizedText.Trim(),
        }.Where(t => t is not null));
        if (uncategorized.Length > MaxFieldLength) return new(false, Text.CoreMessage.Of("Each evidence field holds at most {0} characters.", MaxFieldLength));
        try
        {
            var fileIds = new Dictionary<EvidenceFileField, string>();
            foreach (var file in command.Files ?? [])
            {
                var field = file.Field == EvidenceFileField.Receipt ? "receipt" : "uncategorized_file";
                var contentType = (await EvidenceFiles.ContentTypeAsync(file, cancellationToken))!;
                // In memory (at most 4.5 MB in all): a seekable copy that Stripe.net can send again on a network retry.
                using var content = new MemoryStream(checked((int)file.Length));
                await using (var source = file.Open()) await source.CopyToAsync(content, cancellationToken);
                content.Position = 0;
                var uploaded = await stripe.UploadDisputeEvidenceFileAsync(content, SafeName(file.FileName), contentType,
                    IdempotencyKeys.DisputeEvidenceFile(order.StripeDisputeId, command.RequestToken!, field), cancellationToken);
                fileIds[file.Field] = uploaded.Id;
            }

            await stripe.SubmitDisputeEvidenceAsync(order.StripeDisputeId, new DisputeEvidenceText(command.ProductDescription?.Trim(), command.AccessActivityLog?.Trim(),
                command.RefundPolicy?.Trim(), uncategorized, order.BuyerEmail, fileIds.GetValueOrDefault(EvidenceFileField.Receipt),
                fileIds.GetValueOrDefault(EvidenceFileField.Uncategorized)), IdempotencyKeys.DisputeEvidence(order.StripeDisputeId, command.RequestToken!), cancellationToken);
        }
        catch (StripeException ex)
        {
            logger.LogWarning(ex, "Stripe refused the evidence for dispute {DisputeId} of order {OrderId}: {StripeErrorCode}", order.StripeDisputeId, order.Id, ex.StripeError?.Code);
            return new(false, ex.StripeError?.Message is { Length: > 0 } message
                ? Text.CoreMessage.Of("Stripe refused the evidence: {0}", message)
                : "Stripe could not be reached; nothing was sent. Try again in a moment.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Stripe could not be reached with the evidence for dispute {DisputeId} of order {OrderId}", order.StripeDisputeId, order.Id);
            return new(false, "Stripe could not be reached; nothing was sent. Try again in a moment.");
        }

        logger.LogInformation("Evidence submitted for dispute {DisputeId} of order {OrderId}", order.StripeDisputeId, order.Id);
        if (await charges.ReadStateAsync(order, cancellationToken) is { } state)
        {
            await charges.ApplyAndNotifyAsync(order, state, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(true, "Your evidence was sent to the buyer's bank through Stripe; the dispute is under review.");
    }

    /// <summary>Null when every file may go to Stripe; otherwise why not. One file per field; each a PDF, JPEG or PNG; all together within Stripe's limit.</summary>
    private static async Task<Text.CoreMessage?> CheckFilesAsync(IReadOnlyList<EvidenceFile> files, CancellationToken cancellationToken)
    {
        if (files.GroupBy(f => f.Field).Any(g => g.Count() > 1)) return "Attach at most one file per evidence field.";
        if (files.Sum(f => f.Length) > EvidenceFiles.MaxTotalBytes)
            return Text.CoreMessage.Of("The attached files together exceed Stripe's limit of {0} MB; nothing was sent.", 4.5m);
        foreach (var file in files)
        {
            if (file.Length == 0) return Text.CoreMessage.Of("“{0}” is empty; nothing was sent.", SafeName(file.FileName));
            if (await EvidenceFiles.ContentTypeAsync(file, cancellationToken) is null)
                return Text.CoreMessage.Of("“{0}” is not a PDF, JPEG or PNG file; Stripe takes only those. Nothing was sent.", SafeName(file.FileName));
        }

        return null;
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        return name.Length == 0 ? "evidence" : name.Length > 100 ? name[..100] : name;
    }
}
