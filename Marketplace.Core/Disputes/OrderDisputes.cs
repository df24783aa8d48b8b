using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Orders;
using Marketplace.Core.ProcessingNotes;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Core.Disputes;

/// <summary>Which dispute event is being applied.</summary>
public enum DisputeStep
{
    /// <summary><c>charge.dispute.created</c> (or any other): record the dispute.</summary>
    Record,

    /// <summary><c>charge.dispute.funds_withdrawn</c>: also reverse the creator's transfer for the disputed amount.</summary>
    FundsWithdrawn,

    /// <summary><c>charge.dispute.closed</c>: once <c>won</c>, also transfer back to the creator what was reversed.</summary>
    Closed,
}

/// <summary>
/// Disputes of an order's destination charge (https://docs.stripe.com/disputes/connect). Under the per-order lock it
/// refetches the dispute and the charge, reverses the creator's transfer for the disputed amount when the funds are
/// withdrawn (<c>POST /v1/transfers/{id}/reversals</c>, idempotency key from the dispute id, unless
/// <see cref="DisputeOptions.ReverseTransferOnDispute"/> is false or the dispute is already won), transfers the reversed
/// amount back once the dispute is won (<c>POST /v1/transfers</c>, at most once: see <c>TransferBackAsync</c>), and recomputes the order
/// (Disputed, DisputeLost, or back to Paid). What was reversed is read from Stripe (the reversal's
/// <c>metadata.dispute_id</c>), so every event delivered twice and in any order ends in Stripe's final state.
/// </summary>
public sealed class OrderDisputes(MarketplaceDbContext db, IStripeGateway stripe, IDistributedLocks locks, OrderChargeSync charges,
    IOptions<DisputeOptions> options, TimeProvider clock, WebhookProcessingNotes notes, ILogger<OrderDisputes> logger)
{
    /// <summary>
    /// Applies dispute <paramref name="disputeId"/> (<c>dp_…</c>) at <paramref name="step"/>. Returns null when done, or why
    /// nothing was done (no such dispute, not an order's charge). Stripe's refusal of the transfer back
    /// (<c>balance_insufficient</c>) is not a failure of the event: the dispute's outcome, the refusal and since when the
    /// creator is owed the money (<see cref="Order.TransferBackOwedSince"/>) are saved, a processing note tells the admin,
    /// and <see cref="DisputeRetransferSweepJob"/> retries every hour until the transfer exists (a dispute's funds can take
    /// days). Throws what the gateway throws otherwise (Stripe unreachable: the webhook job retries),
    /// <see cref="TimeoutException"/> when the lock is not granted, <see cref="InvalidOperationException"/> when the order
    /// is not marked paid yet.
    /// </summary>
    public async Task<string?> ApplyAsync(string disputeId, DisputeStep step, CancellationToken cancellationToken = default)
    {
        var found = await stripe.FindDisputeAsync(disputeId, cancellationToken);
        if (found is null) return "Stripe has no such dispute";
        var orderId = await charges.OrderIdOfChargeAsync(found.ChargeId, cancellationToken);
        if (orderId is null) return "charge is not one of our orders";

        using var orderLock = await locks.AcquireAsync(OrderChargeSync.LockName(orderId.Value), TimeSpan.FromSeconds(30), cancellationToken);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null) return "charge is not one of our orders";
        if (order.StripeChargeId is null) throw new InvalidOperationException($"Order {order.Id} is not marked paid yet; dispute {disputeId} is retried later.");
        if (order.StripeChargeId != found.ChargeId) return "charge is not one of our orders";

        var dispute = await stripe.FindDisputeAsync(disputeId, cancellationToken) ?? found; // fresh, under the lock
        var state = await charges.ReadStateAsync(order, cancellationToken) ?? throw new InvalidOperationException($"Stripe has no charge {order.StripeChargeId}.");
        if (step == DisputeStep.FundsWithdrawn && options.Value.ReverseTransferOnDispute && dispute.Status != "won"
            && state.DisputeTransferReversalId is null && order.StripeTransferId is not null)
        {
            var amount = Math.Min(dispute.Amount, order.AmountMinor - state.TransferReversedForRefundsMinor);
            if (amount > 0)
            {
                var reversal = await stripe.ReverseTransferAsync(order.StripeTransferId, amount, Metadata(order, dispute),
                    IdempotencyKeys.DisputeTransferReversal(dispute.Id), cancellationToken);
                logger.LogInformation("Reversed {AmountMinor} of transfer {TransferId} for dispute {DisputeId} of order {OrderId}: {TransferReversalId}",
                    amount, order.StripeTransferId, dispute.Id, order.Id, reversal.Id);
                state = state with { DisputeTransferReversalId = reversal.Id, DisputeTransferReversedMinor = reversal.Amount };
            }
        }

        StripeException? refused = null;
        if (step == DisputeStep.Closed && dispute.Status == "won" && state.DisputeTransferReversalId is not null
            && order.DisputeRetransferId is null && state.TransferDestinationId is not null)
        {
            Transfer? transfer = null;
            try
            {
                transfer = await TransferBackAsync(order, state, dispute, cancellationToken);
            }
            catch (StripeException ex) when (ex.StripeError?.Code is { Length: > 0 })
            {
                // Stripe answered (balance_insufficient, mostly): the dispute's outcome and the refusal are recorded below all the
                // same, so the admin sees what is owed and DisputeRetransferSweepJob finds the order later.
                logger.LogWarning("Transfer back for won dispute {DisputeId} of order {OrderId} refused ({StripeErrorCode}); retried later",
                    dispute.Id, order.Id, ex.StripeError!.Code);
                refused = ex;
            }
            if (transfer is not null) state = state with { DisputeRetransferId = transfer.Id };
        }

        state = state with { Dispute = OrderDisputeFacts.Of(dispute) };
        await charges.ApplyAndNotifyAsync(order, state, cancellationToken);
        order.RecordTransferBackOwed(clock.GetUtcNow().UtcDateTime, refused is null ? null : $"{refused.StripeError!.Code}: {refused.StripeError.Message}");
        await db.SaveChangesAsync(cancellationToken);
        if (refused is not null)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Transfer back of {state.DisputeTransferReversedMinor} {order.Currency} to {state.TransferDestinationId} for won dispute {dispute.Id} refused by Stripe ({refused.StripeError!.Code}); owed to the creator, retried every hour by the sweep."));
        return null;
    }

    /// <summary>
    /// The transfer back to the creator for a won dispute, at most one ever: first the transfer to the creator's account
    /// whose <c>metadata.dispute_id</c> names the dispute (made by an earlier attempt, whatever its key), else a new one
    /// (<c>POST /v1/transfers</c>) keyed by <see cref="IdempotencyKeys.DisputeRetransfer"/> from the platform's available
    /// balance just read (<c>GET /v1/balance</c>): a refusal Stripe saved under a key is not replayed once funds arrived, and
    /// a retry after a timeout with nothing moved reuses the key. The caller holds the order's lock, so no second attempt
    /// runs meanwhile. Throws <see cref="StripeException"/> (<c>balance_insufficient</c>, Stripe unreachable).
    /// </summary>
    private async Task<Transfer> TransferBackAsync(Order order, OrderChargeState state, Dispute dispute, CancellationToken cancellationToken)
    {
        var destination = state.TransferDestinationId!;
        var existing = await stripe.FindTransferToAsync(destination, OrderChargeSync.DisputeIdMetadata, dispute.Id, cancellationToken);
        if (existing is not null) return existing;
        var available = await stripe.GetPlatformAvailableAsync(order.Currency, cancellationToken);
        var transfer = await stripe.CreateTransferAsync(state.DisputeTransferReversedMinor, order.Currency, destination, Metadata(order, dispute),
            IdempotencyKeys.DisputeRetransfer(dispute.Id, order.Currency, available), cancellationToken);
        logger.LogInformation("Transferred {AmountMinor} back to {StripeAccountId} for won dispute {DisputeId} of order {OrderId}: {TransferId}",
            transfer.Amount, destination, dispute.Id, order.Id, transfer.Id);
        return transfer;
    }

    private static Dictionary<string, string> Metadata(Order order, Dispute dispute) => new()
    {
        [OrderMetadata.OrderId] = order.Id.ToString(CultureInfo.InvariantCulture),
        [OrderChargeSync.DisputeIdMetadata] = dispute.Id,
    };
}
