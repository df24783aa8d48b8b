using System.Globalization;
using Marketplace.Core.Plans;

namespace Marketplace.Core.Listings;

/// <summary>
/// A listing as a creator types it: the price in major units as text (<c>19.99</c> EUR, <c>5000</c> XAF, a dot for
/// decimals), a three-letter currency and the delivery note a paying buyer gets.
/// </summary>
public sealed record ListingInput(string? Title, string? Description, string? Price, string? Currency, string? DeliveryNote = null)
{
    /// <summary>The price in minor units (zero-decimal aware, <see cref="Money.ToMinor"/>), or the error to show.</summary>
    public (long? Minor, string? Error) PriceMinor()
    {
        var currency = (Currency ?? "").Trim().ToLowerInvariant();
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetter)) return (null, "The currency is a three-letter ISO code, e.g. EUR.");
        if (!decimal.TryParse((Price ?? "").Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var major))
            return (null, "Enter the price as a number, with a dot for decimals (e.g. 19.99).");
        try
        {
            return (Money.ToMinor(major, currency), null);
        }
        catch (ArgumentException)
        {
            var digits = Money.DecimalDigits(currency);
            return (null, digits == 0 ? $"{currency.ToUpperInvariant()} has no decimals: enter a whole amount." : $"{currency.ToUpperInvariant()} has at most {digits} decimals.");
        }
        catch (OverflowException)
        {
            return (null, "That price is too large.");
        }
    }
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
public sealed record ListingResult(ListingOutcome Outcome, Listing? Listing = null, string? Error = null, ListingLimit? Limit = null);
