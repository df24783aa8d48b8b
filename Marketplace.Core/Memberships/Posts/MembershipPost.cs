using Marketplace.Core.Text;

namespace Marketplace.Core.Memberships.Posts;

/// <summary>Who may read a <see cref="MembershipPost"/>.</summary>
public enum PostVisibility
{
    /// <summary>Everyone, signed in or not.</summary>
    Public = 0,

    /// <summary>Every member with access (<see cref="Membership.HasAccess"/>), whatever their tier.</summary>
    Members = 1,

    /// <summary>Members with access whose tier is <see cref="MembershipPost.MinimumTierId"/> or "above" it: same currency and a monthly price at least as high.</summary>
    TierAndAbove = 2,
}

/// <summary>
/// A creator's post: a title and a Markdown body (shown sanitized by <c>Marketplace.Markdown</c>), public or for
/// members (<see cref="PostVisibility"/>). Shown on the creator's storefront and its own page <c>/c/{slug}/posts/{id}</c>;
/// once published, members who may read it get one email (<see cref="MembershipPostEmailsJob"/>).
/// "A tier and above" compares the tiers' monthly prices: a tier is above another when it has the same currency and
/// costs at least as much (the creator orders tiers by what they charge; no separate order to keep up to date).
/// </summary>
public class MembershipPost
{
    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = 140;

    /// <summary>Longest body (Markdown characters).</summary>
    public const int MaxBodyLength = 20000;

    private MembershipPost()
    {
    }

    /// <summary>A post published now.</summary>
    /// <exception cref="DomainException">See <see cref="Update"/>.</exception>
    public MembershipPost(int creatorProfileId, string title, string body, PostVisibility visibility, MembershipTier? minimumTier, DateTime now)
    {
        CreatorProfileId = creatorProfileId;
        PublishedAt = now;
        Update(title, body, visibility, minimumTier, now);
    }

    public int Id { get; private set; }

    public int CreatorProfileId { get; private set; }

    /// <summary>Plain text, 1 to <see cref="MaxTitleLength"/> characters.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Markdown, 1 to <see cref="MaxBodyLength"/> characters.</summary>
    public string Body { get; private set; } = "";

    public PostVisibility Visibility { get; private set; }

    /// <summary>The lowest tier that reads the post when <see cref="Visibility"/> is <see cref="PostVisibility.TierAndAbove"/>; else null.</summary>
    public int? MinimumTierId { get; private set; }

    /// <summary>The tier of <see cref="MinimumTierId"/> when loaded.</summary>
    public MembershipTier? MinimumTier { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime PublishedAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Changes the post.</summary>
    /// <exception cref="DomainException">No title or body, a text too long or breaking <see cref="TextRules"/>, or "a tier and above" without one of the creator's tiers.</exception>
    public void Update(string title, string body, PostVisibility visibility, MembershipTier? minimumTier, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("A post title is required.");
        if (string.IsNullOrWhiteSpace(body)) throw new DomainException("A post needs some text.");
        TextRules.EnsureName(title, "post title");
        TextRules.EnsureMultiLine(body, "post text");
        if (title.Trim().Length > MaxTitleLength) throw new DomainException("The post title is at most {0} characters.", MaxTitleLength);
        if (body.Length > MaxBodyLength) throw new DomainException("The post text is at most {0} characters.", MaxBodyLength);
        if (!Enum.IsDefined(visibility)) throw new DomainException("Choose who may read the post.");
        if (visibility == PostVisibility.TierAndAbove && (minimumTier is null || minimumTier.CreatorProfileId != CreatorProfileId))
            throw new DomainException("Choose the tier the post is for.");
        Title = title.Trim();
        Body = body.Trim();
        Visibility = visibility;
        MinimumTier = visibility == PostVisibility.TierAndAbove ? minimumTier : null;
        MinimumTierId = MinimumTier?.Id;
        UpdatedAt = now;
    }

    /// <summary>
    /// Whether the holder of <paramref name="membership"/> (null: a visitor or a non-member; its <see cref="Membership.Tier"/>
    /// loaded) may read the post at <paramref name="now"/> (UTC): public posts everyone; others members with access
    /// (<see cref="Membership.HasAccess"/>: active, trialing, past_due within <paramref name="pastDueGrace"/>), at the
    /// post's tier or above for <see cref="PostVisibility.TierAndAbove"/> (<see cref="MinimumTier"/> loaded).
    /// </summary>
    public bool Admits(Membership? membership, DateTime now, TimeSpan pastDueGrace)
    {
        if (Visibility == PostVisibility.Public) return true;
        if (membership is null || membership.CreatorProfileId != CreatorProfileId || !membership.HasAccess(now, pastDueGrace)) return false;
        if (Visibility == PostVisibility.Members) return true;
        if (membership.MembershipTierId == MinimumTierId) return true;
        return membership.Tier is { } tier && MinimumTier is { } minimum
            && tier.Currency == minimum.Currency && tier.MonthlyAmountMinor >= minimum.MonthlyAmountMinor;
    }
}
