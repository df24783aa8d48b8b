namespace Marketplace.Core.Moderation;

/// <summary>
/// The admin's word on a listing (one row per moderated listing; none means visible, not featured): its
/// <see cref="Visibility"/> with the reason shown to the creator, and its place among the listings featured on the home page.
/// </summary>
public sealed class ListingModeration
{
    private ListingModeration()
    {
    }

    /// <summary>A visible listing's first moderation row.</summary>
    public ListingModeration(int listingId, int creatorProfileId, DateTime now)
    {
        ListingId = listingId;
        CreatorProfileId = creatorProfileId;
        UpdatedAt = now;
    }

    /// <summary>The listing; also the key.</summary>
    public int ListingId { get; private set; }

    /// <summary>The listing's shop (so a creator's notices are one indexed read).</summary>
    public int CreatorProfileId { get; private set; }

    public Visibility Visibility { get; private set; }

    /// <summary>Why, in the admin's words, shown to the creator; null when visible.</summary>
    public string? Reason { get; private set; }

    /// <summary>The place among the featured listings on the home page, 1 first; null: not featured.</summary>
    public int? FeaturedRank { get; private set; }

    /// <summary>When the admin last changed it, UTC.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Sets the visibility and the reason (dropped when visible), and the featured place; says whether anything changed.</summary>
    public bool Set(Visibility visibility, string? reason, int? featuredRank, DateTime now)
    {
        var newReason = visibility == Visibility.Visible ? null : reason;
        if (Visibility == visibility && Reason == newReason && FeaturedRank == featuredRank) return false;
        (Visibility, Reason, FeaturedRank, UpdatedAt) = (visibility, newReason, featuredRank, now);
        return true;
    }
}
