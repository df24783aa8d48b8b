using Marketplace.Core.Amounts;
using Marketplace.Core.Creators;
using Marketplace.Core.Text;

namespace Marketplace.Core.Listings;

/// <summary>
/// An item a creator sells on the marketplace. The price is <see cref="PriceMinor"/> minor units of
/// <see cref="Currency"/> (ISO 4217, lower case). A listing is never deleted: it is deactivated, and a creator whose
/// plan allows fewer listings than they have keeps them all, the oldest active ones shown up to the limit.
/// </summary>
public class Listing
{
    private Listing()
    {
    }

    /// <summary>Creates an active listing for a creator.</summary>
    /// <exception cref="DomainException">The title is empty, the price not 1 to 99,999,999 minor units or the currency not one Stripe supports.</exception>
    public Listing(int creatorProfileId, string title, string? description, long priceMinor, string currency, DateTime now, string? deliveryNote = null)
    {
        CreatorProfileId = creatorProfileId;
        CreatedAt = now;
        IsActive = true;
        Update(title, description, priceMinor, currency, now, deliveryNote);
    }

    public int Id { get; private set; }

    public int CreatorProfileId { get; private set; }

    public CreatorProfile? CreatorProfile { get; private set; }

    /// <summary>Up to <see cref="MaxTitleLength"/> characters.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Up to <see cref="MaxDescriptionLength"/> characters, plain text.</summary>
    public string? Description { get; private set; }

    /// <summary>
    /// What a paying buyer gets, up to <see cref="MaxDeliveryNoteLength"/> characters of Markdown (a code, a booking page,
    /// how to use the files; rendered by <c>MarkdownText.NoteToSafeHtml</c>): shown with the files on the buyer's order
    /// page and purchases only once the order gives access, never on the storefront.
    /// </summary>
    public string? DeliveryNote { get; private set; }

    /// <summary>Price in minor units of <see cref="Currency"/> (cents for EUR, yen for JPY).</summary>
    public long PriceMinor { get; private set; }

    /// <summary>ISO 4217, lower case.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>False once the creator deactivated it; inactive listings never count against the plan's limit.</summary>
    public bool IsActive { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>The cover (position 0) and gallery pictures; loaded only where a query includes them.</summary>
    public List<ListingImage> Images { get; private set; } = [];

    /// <summary>The cover, when there is one (needs <see cref="Images"/> loaded).</summary>
    public ListingImage? Cover => Images.FirstOrDefault(i => i.IsCover);

    /// <summary>The gallery in order (needs <see cref="Images"/> loaded).</summary>
    public IEnumerable<ListingImage> Gallery => Images.Where(i => !i.IsCover).OrderBy(i => i.Position);

    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>The listing's category (<see cref="Categories.Category"/>); null for none.</summary>
    public int? CategoryId { get; private set; }

    public Categories.Category? Category { get; private set; }

    /// <summary>The normalized tags (<see cref="ListingTags"/>), space-separated; empty for none.</summary>
    public string Tags { get; private set; } = "";

    /// <summary>The tags one by one.</summary>
    public IReadOnlyList<string> TagList => ListingTags.Split(Tags);

    public const int MaxTitleLength = 120;

    public const int MaxDescriptionLength = 4000;

    public const int MaxDeliveryNoteLength = 2000;

    /// <summary>Changes the listing's text and price.</summary>
    /// <exception cref="DomainException">The title is empty or too long, the description or delivery note too long, the price not 1 to 99,999,999 minor units, the currency not one Stripe supports, or a text breaks <see cref="TextRules"/>.</exception>
    public void Update(string title, string? description, long priceMinor, string currency, DateTime now, string? deliveryNote = null)
    {
        if (deliveryNote is { Length: > MaxDeliveryNoteLength }) throw new DomainException("The delivery note is at most {0} characters.", MaxDeliveryNoteLength);
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("A title is required.");
        TextRules.EnsureName(title, "title");
        TextRules.EnsureMultiLine(description, "description");
        TextRules.EnsureMultiLine(deliveryNote, "delivery note");
        if (title.Trim().Length > MaxTitleLength) throw new DomainException("The title is at most {0} characters.", MaxTitleLength);
        if (description is { Length: > MaxDescriptionLength }) throw new DomainException("The description is at most {0} characters.", MaxDescriptionLength);
        if (priceMinor is < 1 or > StripeCurrencies.MaxAmountMinor) throw new DomainException("The price is 1 to {0} minor units (Stripe's maximum charge amount).", StripeCurrencies.MaxAmountMinor);
        if (!StripeCurrencies.IsSupported(currency)) throw new DomainException("The currency is one Stripe charges in (ISO 4217, e.g. EUR).");
        Title = title.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        DeliveryNote = string.IsNullOrWhiteSpace(deliveryNote) ? null : deliveryNote.Trim();
        PriceMinor = priceMinor;
        Currency = currency.ToLowerInvariant();
        UpdatedAt = now;
    }

    /// <summary>
    /// Applies the form's picture changes (<see cref="Images"/> must be loaded): removes, replaces the cover, appends
    /// the new gallery images and numbers the gallery 1, 2, 3… again.
    /// </summary>
    /// <exception cref="DomainException">The gallery would pass <see cref="ListingImage.MaxGallery"/>, a cover would have no alt text, or the alt text is too long.</exception>
    public void ApplyImages(ListingImageChanges changes, DateTime now)
    {
        var remove = changes.RemovePositions;
        var keptGallery = Gallery.Where(i => !remove.Contains(i.Position)).ToList();
        if (keptGallery.Count + changes.NewGallery.Count > ListingImage.MaxGallery)
            throw new DomainException("A listing has at most {0} gallery images.", ListingImage.MaxGallery);
        if (changes.CoverAlt is { } alt && alt.Trim().Length > ListingImage.MaxAltLength)
            throw new DomainException("The image description is at most {0} characters.", ListingImage.MaxAltLength);
        var cover = Cover;
        var keepsCover = changes.NewCover is not null || (cover is not null && !remove.Contains(ListingImage.CoverPosition));
        if (keepsCover && string.IsNullOrWhiteSpace(changes.CoverAlt))
            throw new DomainException("Describe the cover image in a few words (its alt text, read to people who cannot see it).");
        TextRules.EnsureName(changes.CoverAlt, "image description");

        Images.RemoveAll(i => !i.IsCover && !keptGallery.Contains(i));
        if (cover is not null && (changes.NewCover is not null || remove.Contains(ListingImage.CoverPosition))) Images.Remove(cover);
        if (changes.NewCover is not null) Images.Add(new ListingImage(ListingImage.CoverPosition, changes.CoverAlt, changes.NewCover, now));
        else Cover?.SetAlt(changes.CoverAlt);
        var position = 1;
        foreach (var image in keptGallery) image.Position = position++;
        foreach (var added in changes.NewGallery) Images.Add(new ListingImage(position++, null, added, now));
        UpdatedAt = now;
    }

    /// <summary>Puts the listing in a category (null: none; the caller checks it exists) and sets its tags as typed (<see cref="ListingTags.Parse"/>).</summary>
    /// <exception cref="DomainException">The tags break <see cref="ListingTags"/>'s rules.</exception>
    public void Classify(int? categoryId, string? tags, DateTime now)
    {
        Tags = string.Join(' ', ListingTags.Parse(tags));
        CategoryId = categoryId;
        UpdatedAt = now;
    }

    /// <summary>Takes the listing off the storefront; it stops counting against the plan's limit.</summary>
    public void Deactivate(DateTime now)
    {
        IsActive = false;
        UpdatedAt = now;
    }

    /// <summary>Puts a deactivated listing back (the caller checks the plan's limit first).</summary>
    public void Reactivate(DateTime now)
    {
        IsActive = true;
        UpdatedAt = now;
    }
}
