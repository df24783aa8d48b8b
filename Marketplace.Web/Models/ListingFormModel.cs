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

    /// <summary>The category's id (<see cref="Core.Categories.Category"/>); none when empty.</summary>
    public int? CategoryId { get; set; }

    /// <summary>Tags, comma-separated, as typed (<see cref="ListingTags"/>).</summary>
    public string? Tags { get; set; }

    /// <summary>A new cover picture (replaces the current one); none keeps it.</summary>
    public IFormFile? Cover { get; set; }

    /// <summary>What the cover shows, in a few words (its alt text); required while the listing has a cover.</summary>
    public string? CoverAlt { get; set; }

    /// <summary>Pictures to add at the end of the gallery (8 at most in all).</summary>
    public List<IFormFile>? Gallery { get; set; }

    /// <summary>Positions of current pictures to remove (0: the cover, 1…8: the gallery).</summary>
    public List<int>? RemoveImages { get; set; }

    /// <summary>The input for Core, the price read in <paramref name="culture"/> (the request's on the form, invariant for JSON).</summary>
    public ListingInput ToInput(CultureInfo culture) => new(Title, Description, Price, Currency, DeliveryNote, culture, CategoryId, Tags);

    /// <summary>The form filled from a stored listing (minor units back to major, written in <paramref name="culture"/>).</summary>
    public static ListingFormModel From(Listing listing, CultureInfo culture) => new()
    {
        Title = listing.Title,
        Description = listing.Description,
        Price = PlanFormModel.Major(listing.PriceMinor, listing.Currency, culture),
        Currency = listing.Currency,
        DeliveryNote = listing.DeliveryNote,
        CoverAlt = listing.Cover?.Alt,
        CategoryId = listing.CategoryId,
        Tags = string.Join(", ", listing.TagList),
    };
}

/// <summary>
/// The new/edit listing page: the form, the listing id when editing, the error to show, the listing's current pictures
/// (empty when new) and the description's preview (sanitized HTML) after <em>Preview</em>.
/// </summary>
public sealed record ListingFormViewModel(ListingFormModel Form, int? ListingId, string? Error, IReadOnlyList<ListingImage>? Images = null, string? PreviewHtml = null);

/// <summary>The listings page: the creator's listings and their plan's limit (null: unlimited).</summary>
public sealed record ListingsPageViewModel(IReadOnlyList<Listing> Listings, int? MaxListings, int ActiveCount);
