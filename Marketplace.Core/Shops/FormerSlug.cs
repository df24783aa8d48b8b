using Marketplace.Core.Creators;

namespace Marketplace.Core.Shops;

/// <summary>
/// A slug a shop used before (<c>/c/{slug}</c>): kept for good so that old links answer a 301 to the shop's current
/// address, and so that nobody else can take it. Unique across all shops.
/// </summary>
public class FormerSlug
{
    private FormerSlug()
    {
    }

    /// <summary>Slug <paramref name="slug"/> given up by creator <paramref name="creatorProfileId"/> at <paramref name="retiredAt"/> (UTC).</summary>
    public FormerSlug(int creatorProfileId, string slug, DateTime retiredAt)
    {
        CreatorProfileId = creatorProfileId;
        Slug = slug;
        RetiredAt = retiredAt;
    }

    public int Id { get; private set; }

    public int CreatorProfileId { get; private set; }

    public CreatorProfile? CreatorProfile { get; private set; }

    /// <summary>The old slug, lower-case.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>When the shop stopped using it, UTC.</summary>
    public DateTime RetiredAt { get; private set; }
}
