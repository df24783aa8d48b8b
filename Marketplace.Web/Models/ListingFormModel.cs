using System.Globalization;
using Marketplace.Core.Listings;

namespace Marketplace.Web.Models;

/// <summary>
/// The listing form (and the JSON body of <c>POST /api/listings</c>): price in major units as typed (<c>19.99</c>, or
/// <c>19,99</c> on the form in French; <c>5000</c> for XAF), currency ISO 4217.
/// </summary>
public sealed class ListingFormModel
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Price { get; set; }

    public string? Currency { get; set; } = "eur";

    /// <summary>What a paying buyer gets (text or a link), shown on their order page once paid.</summary>
    public string? DeliveryNote { get; set; }

    /// <summary>The input for Core, the price read in <paramref name="culture"/> (the request's on the form, invariant for JSON).</summary>
    public ListingInput ToInput(CultureInfo culture) => new(Title, Description, Price, Currency, DeliveryNote, culture);

    /// <summary>The form filled from a stored listing (minor units back to major, written in <paramref name="culture"/>).</summary>
    public static ListingFormModel From(Listing listing, CultureInfo culture) => new()
    {
        Title = listing.Title,
        Description = listing.Description,
        Price = PlanFormModel.Major(listing.PriceMinor, listing.Currency, culture),
        Currency = listing.Currency,
        DeliveryNote = listing.DeliveryNote,
    };
}

/// <summary>The new/edit listing page: the form, the listing id when editing, and the error to show.</summary>
public sealed record ListingFormViewModel(ListingFormModel Form, int? ListingId, string? Error);

/// <summary>The listings page: the creator's listings and their plan's limit (null: unlimited).</summary>
public sealed record ListingsPageViewModel(IReadOnlyList<Listing> Listings, int? MaxListings, int ActiveCount);
