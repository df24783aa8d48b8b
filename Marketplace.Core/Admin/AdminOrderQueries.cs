using Marketplace.Core.Data;
using Marketplace.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Marketplace.Core.Paging;
using Marketplace.Core.Sales;

namespace Marketplace.Core.Admin;

/// <summary>
/// One order as <c>/admin/orders</c> shows it; amounts in minor units of <see cref="Currency"/>, times UTC;
/// <see cref="Figures"/>: its money after the sale (<see cref="OrderFigures"/>), the same figures as every other page;
/// <see cref="RefundPendingMinor"/>: refunds Stripe is still processing (<see cref="Order.RefundPendingMinor"/>).
/// </summary>
public sealed record AdminOrderRow(
    int Id,
    DateTime CreatedAt,
    DateTime? PaidAt,
    OrderStatus Status,
    int CreatorId,
    string CreatorName,
    string CreatorSlug,
    string ListingTitle,
    string? BuyerEmail,
    long AmountMinor,
    string Currency,
    long ApplicationFeeMinor,
    long? StripeFeeMinor,
    long? PlatformNetMinor,
    string? StripePaymentIntentId,
    string? StripeCheckoutSessionId,
    long RefundedMinor = 0,
    long ApplicationFeeRefundedMinor = 0,
    string? RefundFailureReason = null,
    string? StripeDisputeId = null,
    long? DisputeAmountMinor = null,
    string? DisputeReason = null,
    string? DisputeStatus = null,
    DateTime? DisputeEvidenceDueBy = null,
    OrderFigures? Figures = null,
    long RefundPendingMinor = 0)
{
    /// <summary>What is left to refund, minor units.</summary>
    public long RefundableMinor => AmountMinor - RefundedMinor;

    /// <summary>True when an admin may refund it (paid or partly refunded, something left).</summary>
    public bool CanBeRefunded => Status is OrderStatus.Paid or OrderStatus.PartiallyRefunded && StripePaymentIntentId is not null && RefundableMinor > 0;
}

/// <summary>
/// The filters of <c>/admin/orders</c>: status, creator (name or slug, part of it), creation dates (UTC days, inclusive),
/// and whether abandoned checkouts (Expired, or Pending past <c>expires_at</c>) are listed when no status is chosen.
/// </summary>
public sealed record AdminOrderFilter(OrderStatus? Status, string? Creator, DateOnly? From, DateOnly? To, bool WithAbandoned = false);

/// <summary>Lists buyers' orders for admins, newest first, from our tables only.</summary>
public sealed class AdminOrderQueries(MarketplaceDbContext db, TimeProvider clock)
{
    /// <summary>A page of the orders that reached Checkout and match <paramref name="filter"/>, newest first (by id).</summary>
    public async Task<PagedList<AdminOrderRow>> SearchAsync(AdminOrderFilter filter, int? page, int pageSize = PagedList<AdminOrderRow>.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var query = Filtered(db, filter, clock.GetUtcNow().UtcDateTime);
        var total = await query.CountAsync(cancellationToken);
        var current = PageNumbers.Clamp(page, total, pageSize);
        var orders = await query.Include(o => o.CreatorProfile).OrderByDescending(o => o.Id).Skip((current - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var items = orders.Select(o => new AdminOrderRow(o.Id, o.CreatedAt, o.PaidAt, o.Status, o.CreatorProfileId, o.CreatorProfile!.DisplayName, o.CreatorProfile.Slug,
                o.ListingTitle, o.BuyerEmail, o.AmountMinor, o.Currency, o.ApplicationFeeMinor, o.StripeFeeMinor, o.PlatformNetMinor,
                o.StripePaymentIntentId, o.StripeCheckoutSessionId, o.RefundedMinor, o.ApplicationFeeRefundedMinor, o.RefundFailureReason,
                o.StripeDisputeId, o.DisputeAmountMinor, o.DisputeReason, o.DisputeStatus, o.DisputeEvidenceDueBy, OrderFigures.Of(o), o.RefundPendingMinor))
            .ToList();
        return new PagedList<AdminOrderRow>(items, current, pageSize, total);
    }

    /// <summary>
    /// The SQL part: orders with a Checkout Session matching the filter (the creator term matched with <c>LIKE</c>, wildcards
    /// literal); without a status filter, abandoned checkouts at <paramref name="nowUtc"/> are left out unless asked for.
    /// </summary>
    public static IQueryable<Order> Filtered(MarketplaceDbContext db, AdminOrderFilter filter, DateTime? nowUtc = null)
    {
        var query = db.Orders.AsNoTracking().Where(o => o.StripeCheckoutSessionId != null);
        if (filter.Status is { } status) query = query.Where(o => o.Status == status);
        else if (!filter.WithAbandoned && nowUtc is { } now)
            query = query.Where(o => o.Status != OrderStatus.Expired && !(o.Status == OrderStatus.Pending && o.CheckoutExpiresAt < now));
        if (!string.IsNullOrWhiteSpace(filter.Creator))
        {
            var term = filter.Creator.Trim();
            var pattern = LikePattern.Contains(term);
            var slugPattern = LikePattern.Contains(term.ToLowerInvariant());
            query = query.Where(o => EF.Functions.Like(o.CreatorProfile!.DisplayName, pattern, LikePattern.Escape)
                || EF.Functions.Like(o.CreatorProfile.Slug, slugPattern, LikePattern.Escape));
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(o => o.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(o => o.CreatedAt < end);
        }

        return query;
    }
}
