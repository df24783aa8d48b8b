namespace Marketplace.Core.Moderation;

/// <summary>Where the admin lets a shop or a listing be seen.</summary>
public enum Visibility
{
    /// <summary>Everywhere it would be: storefront, home page, its own page.</summary>
    Visible = 0,

    /// <summary>Reachable by its link (storefront, listing page, Buy) but left out of the home page's lists and, for a listing, of its storefront.</summary>
    Unlisted = 1,

    /// <summary>Nowhere for visitors: its pages answer 404 and Buy is refused before any Stripe call. The creator still sees it, with the reason.</summary>
    Hidden = 2,
}
