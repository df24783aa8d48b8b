using Marketplace.Core.Connect;
using Marketplace.Core.Subscriptions;
using Marketplace.Core.Text;

namespace Marketplace.Core.Creators;

/// <summary>
/// A creator on the marketplace, one per Identity user (<see cref="UserId"/>).
/// The public URL is built from <see cref="Slug"/> (lower-case, unique).
/// </summary>
public partial class CreatorProfile
{
    private CreatorProfile()
    {
    }

    /// <summary>Creates an active creator profile for an Identity user, created at <paramref name="now"/> (UTC, from the caller's <see cref="TimeProvider"/>).</summary>
    /// <exception cref="DomainException">The display name or slug is empty, or the display name breaks <see cref="TextRules.NameError"/>.</exception>
    public CreatorProfile(string userId, string displayName, string slug, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(displayName)) throw new DomainException("A display name is required.");
        TextRules.EnsureName(displayName, "shop name");
        if (string.IsNullOrWhiteSpace(slug)) throw new DomainException("A slug is required.");
        UserId = userId;
        DisplayName = displayName.Trim();
        Slug = slug;
        IsActive = true;
        Status = CreatorStatus.Active;
        CreatedAt = now;
    }

    public int Id { get; private set; }

    /// <summary>The Identity user's id (AspNetUsers.Id).</summary>
    public string UserId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    /// <summary>Unique, URL-safe, lower-case handle.</summary>
    public string Slug { get; private set; } = "";

    public bool IsActive { get; private set; }

    public CreatorStatus Status { get; private set; }

    /// <summary>When the profile was created, UTC.</summary>
    public DateTime CreatedAt { get; private set; }

    public CreatorStripeAccount? StripeAccount { get; private set; }

    public CreatorSubscription? Subscription { get; private set; }

    /// <summary>Suspends the creator: the payment guard fails for them until <see cref="Reactivate"/>.</summary>
    public void Suspend() => Status = CreatorStatus.Suspended;

    /// <summary>Makes a suspended or pending creator active again.</summary>
    /// <exception cref="DomainException">The creator is banned (a ban is final) or deleted their account.</exception>
    public void Reactivate()
    {
        if (Status == CreatorStatus.Banned) throw new DomainException("A banned creator cannot be reactivated.");
        if (Status == CreatorStatus.Deleted) throw new DomainException("This creator deleted their account.");
        Status = CreatorStatus.Active;
        IsActive = true;
    }

    /// <summary>Bans the creator for good and deactivates the profile.</summary>
    public void Ban()
    {
        Status = CreatorStatus.Banned;
        IsActive = false;
    }

    /// <summary>
    /// The creator deleted their account: the shop name and slug no longer say who it was (<c>deleted-{id}</c>), the
    /// profile is inactive and <see cref="CreatorStatus.Deleted"/> for good, kept only for the payment ledger.
    /// </summary>
    public void Anonymise()
    {
        DisplayName = "Deleted creator";
        Slug = $"deleted-{Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        Status = CreatorStatus.Deleted;
        IsActive = false;
    }
}
