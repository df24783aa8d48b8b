using Marketplace.Core.Text;

namespace Marketplace.Core.Moderation;

/// <summary>What a moderation decision must carry.</summary>
public static class ModerationRules
{
    /// <summary>The longest reason, characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The highest featured place.</summary>
    public const int MaxFeaturedRank = 100;

    /// <summary>Why a decision on a shop (<paramref name="listing"/> false) or a listing is refused (English, translated by the page); null when it can be saved.</summary>
    public static CoreMessage? Problem(Visibility visibility, string? reason, int? featuredRank, bool listing = false)
    {
        if (visibility != Visibility.Visible && string.IsNullOrWhiteSpace(reason))
            return "Say why: the creator sees the reason.";
        if (reason is { Length: > MaxReasonLength }) return CoreMessage.Of("The reason is too long (at most {0} characters).", MaxReasonLength);
        if (featuredRank is < 1 or > MaxFeaturedRank) return CoreMessage.Of("The featured place is a number from 1 to {0}.", MaxFeaturedRank);
        if (featuredRank is not null && visibility != Visibility.Visible) return listing ? "Only a visible listing can be featured." : "Only a visible shop can be featured.";
        return null;
    }
}
