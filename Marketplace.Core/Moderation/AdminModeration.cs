using System.Globalization;
using Marketplace.Core.Data;
using Marketplace.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Moderation;

/// <summary>Who is moderating: the admin's user id and email, for the audit.</summary>
public sealed record ModeratorIdentity(string UserId, string Email);

/// <summary>
/// The admin features, unlists or hides a shop or a listing, with a reason the creator sees. Each
/// change is saved with its <see cref="ModerationLogEntry"/> (who, when, what, why) in one save; the storefront and home
/// page read the rows on their next render (cached pages are evicted by the save, see the web app's cache eviction).
/// </summary>
public sealed class AdminModeration(MarketplaceDbContext db, TimeProvider clock, ILogger<AdminModeration> logger)
{
    /// <summary>Sets shop <paramref name="creatorProfileId"/>'s visibility, reason and featured place (null: not featured).</summary>
    /// <returns>Null when saved (or nothing changed); else why it was refused (<see cref="ModerationRules.Problem"/>).</returns>
    /// <exception cref="DomainException">No shop has that id.</exception>
    public async Task<CoreMessage?> SetShopAsync(int creatorProfileId, Visibility visibility, string? reason, int? featuredRank, ModeratorIdentity admin,
        CancellationToken cancellationToken = default)
    {
        reason = Clean(reason);
        if (ModerationRules.Problem(visibility, reason, featuredRank) is { } problem) return problem;
        if (!await db.CreatorProfiles.AnyAsync(c => c.Id == creatorProfileId, cancellationToken)) throw new DomainException("There is no creator {0}.", creatorProfileId);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ShopModerations.SingleOrDefaultAsync(m => m.CreatorProfileId == creatorProfileId, cancellationToken);
        if (row is null) db.ShopModerations.Add(row = new ShopModeration(creatorProfileId, now));
        if (!row.Set(visibility, reason, featuredRank, now) && db.Entry(row).State != EntityState.Added) return null;
        var change = Change(visibility, featuredRank);
        db.ModerationLog.Add(new ModerationLogEntry(ModerationLogEntry.ShopTarget, creatorProfileId, change, row.Reason, admin.UserId, admin.Email, now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Admin {AdminId} set shop {CreatorId} to {Change}", admin.UserId, creatorProfileId, change);
        return null;
    }

    /// <summary>Sets listing <paramref name="listingId"/>'s visibility, reason and featured place (null: not featured).</summary>
    /// <returns>Null when saved (or nothing changed); else why it was refused (<see cref="ModerationRules.Problem"/>).</returns>
    /// <exception cref="DomainException">No listing has that id.</exception>
    public async Task<CoreMessage?> SetListingAsync(int listingId, Visibility visibility, string? reason, int? featuredRank, ModeratorIdentity admin,
        CancellationToken cancellationToken = default)
    {
        reason = Clean(reason);
        if (ModerationRules.Problem(visibility, reason, featuredRank, listing: true) is { } problem) return problem;
        var creatorId = await db.Listings.Where(l => l.Id == listingId).Select(l => (int?)l.CreatorProfileId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("There is no listing {0}.", listingId);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ListingModerations.SingleOrDefaultAsync(m => m.ListingId == listingId, cancellationToken);
        if (row is null) db.ListingModerations.Add(row = new ListingModeration(listingId, creatorId, now));
        if (!row.Set(visibility, reason, featuredRank, now) && db.Entry(row).State != EntityState.Added) return null;
        var change = Change(visibility, featuredRank);
        db.ModerationLog.Add(new ModerationLogEntry(ModerationLogEntry.ListingTarget, listingId, change, row.Reason, admin.UserId, admin.Email, now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Admin {AdminId} set listing {ListingId} to {Change}", admin.UserId, listingId, change);
        return null;
    }

    private static string Change(Visibility visibility, int? featuredRank) =>
        featuredRank is { } rank ? $"{visibility}, featured #{rank.ToString(CultureInfo.InvariantCulture)}" : visibility.ToString();

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}
