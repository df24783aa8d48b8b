using System.Globalization;
using Marketplace.Core.Amounts;

namespace Marketplace.Core.Listings;

/// <summary>
/// A listing as a creator types it: the price in major units as text in <see cref="Culture"/> (<c>19.99</c> EUR in
/// English, <c>19,99</c> in French, <c>5000</c> XAF; the invariant culture when null, as for the JSON API), a currency
/// Stripe supports and the delivery note a paying buyer gets.
/// </summary>
/// <param name="CategoryId">The category chosen (null: none); an unknown id is refused.</param>
/// <param name="Tags">The tags as typed, comma-separated (<see cref="ListingTags"/>).</param>
public sealed record ListingInput(string? Title, string? Description, string? Price, string? Currency, string? DeliveryNote = null, CultureInfo? Culture = null,
    int? CategoryId = null, string? Tags = null)
{
    /// <summary>The price in minor units or the error to show, read by <see cref="AmountParser"/>.</summary>
    public AmountResult PriceMinor() => AmountParser.Parse(Price, Currency, Culture ?? CultureInfo.InvariantCulture);
}

/// <summary>What happened to a listing request.</summary>
public enum ListingOutcome
{
    Done,

    /// <summary>The input is not valid: <see cref="ListingResult.Error"/> says why; nothing stored.</summary>
    Invalid,

    /// <summary>No such listing of this creator (another creator's listing is "not found" too).</summary>
    NotFound,

    /// <summary>The plan's <c>MaxListings</c> is reached: <see cref="ListingResult.Limit"/>; nothing stored (HTTP 402).</summary>
    LimitReached,
}

/// <summary>A plan's listing limit that a creation or reactivation ran into.</summary>
public sealed record ListingLimit(string PlanName, int Limit, int Usage)
{
    /// <summary>"Your Bronze plan allows 10 listings — upgrade".</summary>
    public string Message => $"Your {PlanName} plan allows {Limit} listing{(Limit == 1 ? "" : "s")} — upgrade";
}

/// <summary>The outcome, with the listing, the error or the limit.</summary>
public sealed record ListingResult(ListingOutcome Outcome, Listing? Listing = null, Text.CoreMessage? Error = null, ListingLimit? Limit = null);
