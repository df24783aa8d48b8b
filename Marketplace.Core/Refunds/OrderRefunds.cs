using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Locking;
using Marketplace.Core.Orders;
using Marketplace.Core.Plans;
using Marketplace.StripeGateway;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Stripe;
using Marketplace.Core.Amounts;

namespace Marketplace.Core.Refunds;

/// <summary>
/// A refund asked for by the creator (their own order) or an admin (any order). <paramref name="CreatorProfileId"/> is the
/// signed-in creator's id, null for an admin; <paramref name="Amount"/> the amount typed in major units (<c>10.00</c>,
/// <c>500</c> for XAF), empty for what is left, read by <see cref="AmountParser"/> in <paramref name="Culture"/> (the page's;
/// null: the invariant culture); <paramref name="RequestToken"/> the refund form's random token.
/// </summary>
public sealed record RefundCommand(int OrderId, int? CreatorProfileId, string? Amount, string? Reason, string? RequestToken, CultureInfo? Culture = null);

/// <summary>What a refund request did: whether Stripe refunded, the message to show, and the order as stored after it.</summary>
public sealed record RefundResult(bool Succeeded, Text.CoreMessage Message, Order? Order = null);

/// <summary>
/// Refunds an order's destination charge from inside the product (https://docs.stripe.com/connect/marketplace/tasks/refunds-disputes):
/// one <c>POST /v1/refunds</c> per request with <c>reverse_transfer=true</c> and <c>refund_application_fee</c> as
/// <see cref="RefundOptions.RefundApplicationFee"/> says (off by default: the platform keeps its fee), under the
/// per-order lock, keyed by the form's token so a double submit replays. Refused with a message, never thrown: an unpaid,
/// refunded or disputed order, an amount beyond what is left, a refund already running, or Stripe's refusal. Stripe's
/// answer is applied at once (the charge refetched), the webhooks confirm it.
/// </summary>
public sealed class OrderRefunds(MarketplaceDbContext db, IStripeGateway stripe, IDistributedLocks locks, OrderChargeSync charges, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<RefundOptions> options, ILogger<OrderRefunds> logger)
{
    /// <summary>How long a second refund request waits for the first before it is refused as "already running".</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    /// <summary>A random token for one refund form (32 hex characters).</summary>
    public static string NewRequestToken() => Guid.NewGuid().ToString("N");

    /// <summary>Refunds per <paramref name="command"/>; see the class. Never throws for a refusal; the result says why.</summary>
    public async Task<RefundResult> RefundAsync(RefundCommand command, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(command.RequestToken) || command.RequestToken.Length > 64)
            return new(false, "The refund form has expired; open the order again.");
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? RefundReasons.RequestedByCustomer : command.Reason;
        if (!RefundReasons.All.Contains(reason)) return new(false, Text.CoreMessage.Of("“{0}” is not a refund reason Stripe knows.", reason));
        if (!await VisibleAsync(command, cancellationToken)) return new(false, "There is no such order.");

        IDisposable orderLock;
        try
        {
            orderLock = await locks.AcquireAsync(OrderChargeSync.LockName(command.OrderId), LockWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return new(false, "A refund of this order is already running; look again in a moment.");
        }

        using (orderLock)
        {
            var order = await db.Orders.SingleAsync(o => o.Id == command.OrderId, cancellationToken);
            if (order.LastRefundRequestToken == command.RequestToken)
                return new(true, "This refund was already made.", order);
            var refusal = Refusal(order, command.Amount, command.Culture ?? CultureInfo.InvariantCulture, out var amountMinor);
            if (refusal is not null) return new(false, refusal, order);

            Refund refund;
            try
            {
                refund = await stripe.CreateOrderRefundAsync(new OrderRefundRequest(order.StripePaymentIntentId!, amountMinor, reason,
                    new Dictionary<string, string> { [OrderMetadata.OrderId] = order.Id.ToString(CultureInfo.InvariantCulture) },
                    IdempotencyKeys.OrderRefund(order.Id, command.RequestToken), options.Value.RefundApplicationFee), cancellationToken);
            }
            catch (StripeException ex)
            {
                logger.LogWarning(ex, "Stripe refused the refund of order {OrderId}: {StripeErrorCode}", order.Id, ex.StripeError?.Code);
                return new(false, ex.StripeError?.Message is { Length: > 0 } message
                    ? Text.CoreMessage.Of("Stripe refused the refund: {0}", message)
                    : "Stripe could not be reached; nothing was refunded. Try again in a moment.", order);
            }

            order.RecordRefundRequest(command.RequestToken, clock.GetUtcNow().UtcDateTime);
            if (await charges.ReadStateAsync(order, cancellationToken) is { } state) await charges.ApplyAndNotifyAsync(order, state, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Refund {RefundId} of order {OrderId}: {AmountMinor} {Currency}, {RefundStatus}", refund.Id, order.Id, refund.Amount, refund.Currency, refund.Status);
            return refund.Status == "failed"
                ? new(false, Text.CoreMessage.Of("Stripe could not refund {0}: {1}.", new Text.CoreMoney(refund.Amount, order.Currency), new Text.StripeCode(Text.StripeCode.RefundFailureReason, refund.FailureReason ?? "")), order)
                : refund.Status == "pending"
                    ? new(true, Text.CoreMessage.Of("The refund of {0} is on its way to the buyer: Stripe is still processing it.", new Text.CoreMoney(refund.Amount, order.Currency)), order)
                    : new(true, Text.CoreMessage.Of("Refunded {0} to the buyer.", new Text.CoreMoney(refund.Amount, order.Currency)), order);
        }
    }

    private Task<bool> VisibleAsync(RefundCommand command, CancellationToken cancellationToken) =>
        db.Orders.AnyAsync(o => o.Id == command.OrderId && (command.CreatorProfileId == null || o.CreatorProfileId == command.CreatorProfileId), cancellationToken);

    private static Text.CoreMessage? Refusal(Order order, string? amount, CultureInfo culture, out long amountMinor)
    {
        amountMinor = order.RefundableMinor;
        if (order.Status is OrderStatus.Pending or OrderStatus.Expired || order.StripePaymentIntentId is null) return "This order is not paid: there is nothing to refund.";
        if (order.Status == OrderStatus.Refunded || order.RefundableMinor <= 0) return "This order is refunded in full already.";
        if (order.Status is OrderStatus.Disputed or OrderStatus.DisputeLost) return "This order is disputed: the buyer's bank decides, it cannot be refunded.";
        if (!string.IsNullOrWhiteSpace(amount))
        {
            var parsed = AmountParser.Parse(amount, order.Currency, culture);
            if (parsed.Error is { } error) return error;
            amountMinor = parsed.Minor!.Value;
        }

        if (amountMinor <= 0) return "The amount to refund must be above zero.";
        if (amountMinor > order.RefundableMinor)
            return Text.CoreMessage.Of("{0} is more than what is left to refund ({1}).", new Text.CoreMoney(amountMinor, order.Currency), new Text.CoreMoney(order.RefundableMinor, order.Currency));
        return null;
    }
}
