namespace Marketplace.Core.PageViews;

/// <summary>
/// How many times a shop's storefront (<see cref="ListingId"/> 0) or one of its listing pages was seen on a day (UTC),
/// by people (bots left out by user agent). No visitor is known: no IP, cookie or user agent is stored, only the count.
/// One row per (shop, page, day), added to by <see cref="PageViewWriter"/>.
/// </summary>
public class PageViewDay
{
    private PageViewDay()
    {
    }

    /// <summary>A first count for a page and day.</summary>
    public PageViewDay(int creatorProfileId, int listingId, DateOnly day, long views)
    {
        CreatorProfileId = creatorProfileId;
        ListingId = listingId;
        Day = day;
        Views = views;
    }

    /// <summary>The <see cref="ListingId"/> of the storefront page <c>/c/{slug}</c>.</summary>
    public const int StorefrontPage = 0;

    public int CreatorProfileId { get; private set; }

    /// <summary>The listing whose page was seen; <see cref="StorefrontPage"/> for the storefront.</summary>
    public int ListingId { get; private set; }

    /// <summary>The day, UTC.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>Page views that day.</summary>
    public long Views { get; private set; }
}
