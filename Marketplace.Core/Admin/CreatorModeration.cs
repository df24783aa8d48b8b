using Marketplace.Core.CheckoutClosing;
using Marketplace.Core.Creators;
using Marketplace.Core.Data;
using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Core.Admin;

/// <summary>
/// An admin suspends or reactivates a creator. The payment guard reads the creator's status from the database, so it
/// fails (or passes again) on the creator's next request; a suspension also expires the creator's open buyer Checkout
/// Sessions at once (<see cref="ShopCheckoutClosing"/>).
/// </summary>
public sealed class CreatorModeration(MarketplaceDbContext db, ShopCheckoutClosing closing, ILogger<CreatorModeration> logger)
{
    /// <summary>Suspends creator <paramref name="creatorId"/> (<see cref="CreatorProfile.Suspend"/>); returns their display name.</summary>
    /// <exception cref="DomainException">No creator has that id.</exception>
    public async Task<string> SuspendAsync(int creatorId, CancellationToken cancellationToken = default)
    {
        var name = await ChangeAsync(creatorId, c => c.Suspend(), "suspended", cancellationToken);
        closing.Close(creatorId, "suspended by an admin");
        return name;
    }

    /// <summary>Reactivates creator <paramref name="creatorId"/> (<see cref="CreatorProfile.Reactivate"/>); returns their display name.</summary>
    /// <exception cref="DomainException">No creator has that id, or the creator is banned.</exception>
    public Task<string> ReactivateAsync(int creatorId, CancellationToken cancellationToken = default) =>
        ChangeAsync(creatorId, c => c.Reactivate(), "reactivated", cancellationToken);

    private async Task<string> ChangeAsync(int creatorId, Action<CreatorProfile> change, string what, CancellationToken cancellationToken)
    {
        var creator = await db.CreatorProfiles.SingleOrDefaultAsync(c => c.Id == creatorId, cancellationToken)
            ?? throw new DomainException("There is no creator {0}.", creatorId);
        change(creator);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Creator {CreatorId} {Change} by an admin", creatorId, what);
        return creator.DisplayName;
    }
}
