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
/// creator's id, null for an admin; <paramref name="RequestToken"/> the form's random token.
/// </summary>
public sealed record DisputeEvidenceCommand(int OrderId, int? CreatorProfileId, string? ProductDescription, string? CustomerCommunication,
    string? AccessActivityLog, string? RefundPolicy, string? UncategorizedText, string? RequestToken);

/// <summary>What an evidence submission did: whether Stripe took it, and the message to show.</summary>
public sealed record DisputeEvidenceResult(bool Succeeded, Text.CoreMessage Message);

/// <summary>
/// Answers a dispute of an order's destination charge from inside the product (the dispute is on the platform's
/// account, which the creator cannot open): <c>POST /v1/disputes/{id}</c> with <c>evidence[…]</c> and <c>submit=true</c>
/// (https://docs.stripe.com/disputes/responding) through the gateway, under the order's lock, keyed by the form's token.
/// Refused with a message, never thrown: no such order, no dispute awaiting evidence (<c>needs_response</c>), the
/// deadline (<c>evidence_details.due_by</c>) passed, nothing typed, a field too long, or Stripe's refusal. The dispute is
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
        if (fields.All(string.IsNullOrWhiteSpace)) return new(false, "Type some evidence before sending it.");
        if (fields.Any(f => f?.Length > MaxFieldLength)) return new(false, Text.CoreMessage.Of("Each evidence field holds at most {0} characters.", MaxFieldLength));

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
            await stripe.SubmitDisputeEvidenceAsync(order.StripeDisputeId, new DisputeEvidenceText(command.ProductDescription?.Trim(), command.AccessActivityLog?.Trim(),
                command.RefundPolicy?.Trim(), uncategorized, order.BuyerEmail), IdempotencyKeys.DisputeEvidence(order.StripeDisputeId, command.RequestToken!), cancellationToken);
        }
        catch (StripeException ex)
        {
            logger.LogWarning(ex, "Stripe refused the evidence for dispute {DisputeId} of order {OrderId}: {StripeErrorCode}", order.StripeDisputeId, order.Id, ex.StripeError?.Code);
            return new(false, ex.StripeError?.Message is { Length: > 0 } message
                ? Text.CoreMessage.Of("Stripe refused the evidence: {0}", message)
                : "Stripe could not be reached; nothing was sent. Try again in a moment.");
        }

        logger.LogInformation("Evidence submitted for dispute {DisputeId} of order {OrderId}", order.StripeDisputeId, order.Id);
        if (await charges.ReadStateAsync(order, cancellationToken) is { } state)
        {
            await charges.ApplyAndNotifyAsync(order, state, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(true, "Your evidence was sent to the buyer's bank through Stripe; the dispute is under review.");
    }
}
