using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Orders;

/// <summary>An order as its buyer sees it: what, from which shop, and what they get once paid.</summary>
/// <param name="DeliveryNote">The listing's delivery note; null unless the buyer has access (<see cref="Order.HasDeliveryAccess"/>).</param>
public sealed record BuyerOrderView(Order Order, string ShopName, string ShopSlug, string? DeliveryNote);

/// <summary>The buyer's reads: one order by its token, a signed-in buyer's purchases.</summary>
public sealed class OrderQueries(MarketplaceDbContext db)
{
    /// <summary>The order whose public token is <paramref name="token"/>; null when malformed or unknown. The delivery note only while the buyer has access (<see cref="Order.HasDeliveryAccess"/>).</summary>
    public async Task<BuyerOrderView?> ForTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!OrderToken.IsWellFormed(token)) return null;
        var row = await db.Orders.AsNoTracking().Where(o => o.PublicToken == token)
            .Select(o => new { Order = o, o.CreatorProfile!.DisplayName, o.CreatorProfile.Slug, o.Listing!.DeliveryNote })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new BuyerOrderView(row.Order, row.DisplayName, row.Slug, row.Order.HasDeliveryAccess ? row.DeliveryNote : null);
    }

    /// <summary>The orders a signed-in user placed (by user id, never by email: emails are not verified), newest first, at most 200, each with its delivery note when it gives access.</summary>
    public async Task<IReadOnlyList<BuyerOrderView>> PurchasesAsync(string userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Orders.AsNoTracking().Where(o => o.BuyerUserId == userId && o.StripeCheckoutSessionId != null)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(200)
            .Select(o => new { Order = o, o.CreatorProfile!.DisplayName, o.CreatorProfile.Slug, o.Listing!.DeliveryNote })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new BuyerOrderView(r.Order, r.DisplayName, r.Slug, r.Order.HasDeliveryAccess ? r.DeliveryNote : null))];
    }
}
