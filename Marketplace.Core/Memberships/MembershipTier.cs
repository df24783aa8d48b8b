using System.Globalization;
using Marketplace.Core.Amounts;
using Marketplace.Core.Text;

namespace Marketplace.Core.Memberships;

/// <summary>
/// A level of recurring support a creator offers: a name, a Markdown description, benefits, a monthly price of
/// <see cref="MonthlyAmountMinor"/> minor units of <see cref="Currency"/> (ISO 4217, lower case), an optional member limit,
/// visible on the storefront or hidden. In Stripe it is one platform Product and one monthly Price
/// (<see cref="PriceSync.MembershipTierPriceSync"/>), a new Price when the amount changes. Never deleted: archived.
/// </summary>
public class MembershipTier
{
    private MembershipTier()
    {
    }

    /// <summary>Creates a tier of a creator.</summary>
    /// <exception cref="DomainException">See <see cref="Update"/>.</exception>
    public MembershipTier(int creatorProfileId, string name, string? description, string? benefits, long monthlyAmountMinor, string currency,
        int? memberLimit, bool isVisible, DateTime now)
    {
        CreatorProfileId = creatorProfileId;
        CreatedAt = now;
        Update(name, description, benefits, monthlyAmountMinor, currency, memberLimit, isVisible, now);
    }

    public int Id { get; private set; }

    public int CreatorProfileId { get; private set; }

    /// <summary>Up to <see cref="MaxNameLength"/> characters.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Markdown, up to <see cref="MaxDescriptionLength"/> characters; shown sanitized (<see cref="Markdown.MarkdownText"/>).</summary>
    public string? Description { get; private set; }

    /// <summary>Plain text, one benefit a line, up to <see cref="MaxBenefitsLength"/> characters.</summary>
    public string? Benefits { get; private set; }

    /// <summary>Monthly price in minor units of <see cref="Currency"/>.</summary>
    public long MonthlyAmountMinor { get; private set; }

    /// <summary>ISO 4217, lower case.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>How many members the tier takes at most; null: no limit.</summary>
    public int? MemberLimit { get; private set; }

    /// <summary>Shown on the storefront; a hidden tier is kept (for its members) but offered to nobody.</summary>
    public bool IsVisible { get; private set; }

    /// <summary>Archived by the creator: offered to nobody, not counted against the plan's tier limit.</summary>
    public bool IsArchived { get; private set; }

    /// <summary>Stripe Product (<c>prod_…</c>) once synced.</summary>
    public string? StripeProductId { get; private set; }

    /// <summary>Stripe monthly Price (<c>price_…</c>) of the current amount once synced; null after an amount change until the next sync.</summary>
    public string? StripePriceId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTime UpdatedAt { get; private set; }

    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 4000;
    public const int MaxBenefitsLength = 2000;

    /// <summary>The lookup key of the tier's monthly Price: <c>membership_tier_{id}_month</c> (moves to the new Price on an amount change).</summary>
    public string LookupKey => string.Create(CultureInfo.InvariantCulture, $"membership_tier_{Id}_month");

    /// <summary>Offered to buyers now: visible and not archived.</summary>
    public bool IsOffered => IsVisible && !IsArchived;

    /// <summary>Changes what the tier is called, says, costs and allows.</summary>
    /// <exception cref="DomainException">The name is empty or too long, a text is too long or breaks <see cref="TextRules"/>, the price not 1 to 99,999,999 minor units, the currency not one Stripe supports, or the limit below 1.</exception>
    public void Update(string name, string? description, string? benefits, long monthlyAmountMinor, string currency, int? memberLimit, bool isVisible, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A tier name is required.");
        TextRules.EnsureName(name, "tier name");
        TextRules.EnsureMultiLine(description, "description");
        TextRules.EnsureMultiLine(benefits, "benefits");
        if (name.Trim().Length > MaxNameLength) throw new DomainException("The tier name is at most {0} characters.", MaxNameLength);
        if (description is { Length: > MaxDescriptionLength }) throw new DomainException("The description is at most {0} characters.", MaxDescriptionLength);
        if (benefits is { Length: > MaxBenefitsLength }) throw new DomainException("The benefits are at most {0} characters.", MaxBenefitsLength);
        if (monthlyAmountMinor is < 1 or > StripeCurrencies.MaxAmountMinor) throw new DomainException("The price is 1 to {0} minor units (Stripe's maximum charge amount).", StripeCurrencies.MaxAmountMinor);
        if (!StripeCurrencies.IsSupported(currency)) throw new DomainException("The currency is one Stripe charges in (ISO 4217, e.g. EUR).");
        if (memberLimit is < 1) throw new DomainException("The member limit is at least 1, or empty for no limit.");
        var normalized = currency.Trim().ToLowerInvariant();
        if (normalized != Currency || monthlyAmountMinor != MonthlyAmountMinor) StripePriceId = null;
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Benefits = string.IsNullOrWhiteSpace(benefits) ? null : benefits.Trim();
        MonthlyAmountMinor = monthlyAmountMinor;
        Currency = normalized;
        MemberLimit = memberLimit;
        IsVisible = isVisible;
        UpdatedAt = now;
    }

    /// <summary>Stops offering the tier; it no longer counts against the plan's limit.</summary>
    public void Archive(DateTime now)
    {
        IsArchived = true;
        UpdatedAt = now;
    }

    /// <summary>Records the Stripe Product and Price the tier is.</summary>
    public void MarkSynced(string productId, string priceId)
    {
        StripeProductId = productId;
        StripePriceId = priceId;
    }
}
