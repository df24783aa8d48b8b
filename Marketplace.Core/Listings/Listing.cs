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
    /// What a paying buyer gets, up to <see cref="MaxDeliveryNoteLength"/> characters of plain text or a link (a download,
    /// a booking page): shown on the buyer's order page only once the order is Paid, never on the storefront.
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

    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; private set; }

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
