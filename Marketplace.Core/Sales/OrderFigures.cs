using System.Linq.Expressions;
using Marketplace.Core.Orders;

namespace Marketplace.Core.Sales;

/// <summary>
/// The money of one order after the sale, as Stripe moved it (minor units of <see cref="Currency"/>), and the one
/// definition every page, the CSV and the admin's figures use. A destination charge
/// (https://docs.stripe.com/connect/destination-charges) moves, on the platform: +amount (less Stripe's fee), the
/// transfer −amount, the application fee +fee; a refund −refunded, its transfer reversal +reversed, its fee refund
/// −fee refunded; a dispute −disputed (less Stripe's dispute fee), the transfer reversal made for it +reversed, a won
/// dispute +reinstated and the transfer back −reinstated (https://docs.stripe.com/connect/marketplace/tasks/refunds-disputes).
/// On the creator's account: +amount −fee, −reversals +fee refunded, +the transfer back. A Pending or Expired order
/// (an abandoned checkout) is no sale: <see cref="IsSale"/> leaves it out.
/// </summary>
public sealed class OrderFigures
{
    /// <summary>ISO 4217, lower case.</summary>
    public string Currency { get; init; } = "";

    /// <summary>When the order was paid, UTC (the month a sale counts in).</summary>
    public DateTime? PaidAt { get; init; }

    /// <summary>What the buyer paid (the charge's amount).</summary>
    public long GrossMinor { get; init; }

    /// <summary>What was refunded to the buyer (the charge's <c>amount_refunded</c>).</summary>
    public long RefundedMinor { get; init; }

    /// <summary>What a dispute withdrew from the platform (the disputed amount; inquiries, <c>warning_*</c>, withdraw nothing).</summary>
    public long DisputedMinor { get; init; }

    /// <summary>What a won dispute gave back to the platform (<c>charge.dispute.funds_reinstated</c>).</summary>
    public long ReinstatedMinor { get; init; }

    /// <summary>The platform's fee kept: the application fee less what refunds gave back of it.</summary>
    public long PlatformFeeMinor { get; init; }

    /// <summary>Stripe's fees the platform paid: the processing fee (0 while unknown) and a dispute's fee.</summary>
    public long StripeFeeMinor { get; init; }

    /// <summary>What the platform's Stripe balance gained or lost for the order (may be negative).</summary>
    public long PlatformNetMinor { get; init; }

    /// <summary>What the creator's Stripe balance gained: amount − fee − reversals (refunds and dispute) + fee refunded + the transfer back.</summary>
    public long CreatorNetMinor { get; init; }

    /// <summary>True for an order that was paid (whatever happened since); false for Pending and Expired ones (abandoned checkouts).</summary>
    public static readonly Expression<Func<Order, bool>> IsSale = o => o.Status != OrderStatus.Pending && o.Status != OrderStatus.Expired;

    /// <summary>The figures of an order, as an expression EF Core translates to SQL (so sums run in the database).</summary>
    public static readonly Expression<Func<Order, OrderFigures>> Projection = o => new OrderFigures
    {
        Currency = o.Currency,
        PaidAt = o.PaidAt,
        GrossMinor = o.AmountMinor,
        RefundedMinor = o.RefundedMinor,
        DisputedMinor = o.StripeDisputeId != null && o.DisputeStatus != "warning_needs_response" && o.DisputeStatus != "warning_under_review"
                        && o.DisputeStatus != "warning_closed" ? o.DisputeAmountMinor ?? 0 : 0,
        ReinstatedMinor = o.DisputeStatus == "won" ? o.DisputeAmountMinor ?? 0 : 0,
        PlatformFeeMinor = o.ApplicationFeeMinor - o.ApplicationFeeRefundedMinor,
        StripeFeeMinor = (o.StripeFeeMinor ?? 0) + o.DisputeFeeMinor,
        PlatformNetMinor = o.ApplicationFeeMinor - o.ApplicationFeeRefundedMinor - (o.StripeFeeMinor ?? 0) - o.DisputeFeeMinor
                           - o.RefundedMinor + o.TransferReversedMinor
                           - (o.StripeDisputeId != null && o.DisputeStatus != "warning_needs_response" && o.DisputeStatus != "warning_under_review"
                              && o.DisputeStatus != "warning_closed" ? o.DisputeAmountMinor ?? 0 : 0)
                           + (o.DisputeStatus == "won" ? o.DisputeAmountMinor ?? 0 : 0)
                           + o.DisputeTransferReversedMinor - (o.DisputeRetransferId != null ? o.DisputeTransferReversedMinor : 0),
        CreatorNetMinor = o.AmountMinor - o.ApplicationFeeMinor - o.TransferReversedMinor + o.ApplicationFeeRefundedMinor
                          - o.DisputeTransferReversedMinor + (o.DisputeRetransferId != null ? o.DisputeTransferReversedMinor : 0),
    };

    private static readonly Func<Order, OrderFigures> Compiled = Projection.Compile();

    /// <summary>The figures of one loaded order (the same definition as <see cref="Projection"/>).</summary>
    public static OrderFigures Of(Order order) => Compiled(order);
}
