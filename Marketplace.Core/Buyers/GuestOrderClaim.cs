using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Buyers;

/// <summary>
/// Once an account's email is confirmed, the orders a visitor placed without an account and paid with that email (the
/// email Checkout collected, compared without case) become the account's: they show at <c>/purchases</c>. Only orders
/// that reached Stripe and belong to no account are taken; their page links keep working for whoever holds them.
/// </summary>
public sealed class GuestOrderClaim(MarketplaceDbContext db, ILogger<GuestOrderClaim> logger)
{
    /// <summary>Gives the user <paramref name="userId"/> the guest orders paid with <paramref name="confirmedEmail"/>; returns how many.</summary>
    public async Task<int> AttachAsync(string userId, string confirmedEmail, CancellationToken cancellationToken = default)
    {
        var email = confirmedEmail.Trim().ToLowerInvariant();
        if (email.Length == 0) return 0;
        var attached = await db.Orders
            .Where(o => o.BuyerUserId == null && o.PaidAt != null && o.BuyerEmailLower == email)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.BuyerUserId, userId), cancellationToken);
        if (attached > 0) logger.LogInformation("Attached {Count} guest orders to user {UserId} after email confirmation", attached, userId);
        return attached;
    }
}
