using Marketplace.Core.Text;

namespace Marketplace.Core.Plans;

/// <summary>
/// A platform plan a creator subscribes to. One plan is one Stripe Product
/// (https://docs.stripe.com/api/products); its <see cref="Prices"/> are Stripe Prices.
/// </summary>
public class Plan
{
    private readonly List<PlanPrice> _prices = [];

    private Plan()
    {
        Capabilities = new PlanCapabilities(0, 0);
    }

    /// <summary>Creates an active plan with no prices yet.</summary>
    /// <remarks><c>code</c> is the unique upper-case code, e.g. <c>SILVER</c>; <c>trialDays</c> is in days.</remarks>
    /// <exception cref="DomainException">The code or name is empty, or trial days are negative.</exception>
    public Plan(string code, string name, string description, int sortOrder, int trialDays, PlanCapabilities capabilities)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new DomainException("A plan code is required.");
        Code = code.Trim().ToUpperInvariant();
        IsActive = true;
        Capabilities = capabilities;
        Update(name, description, sortOrder, trialDays, capabilities);
    }

    public int Id { get; private set; }

    /// <summary>Unique code: FREE, BRONZE, SILVER, GOLD, PLATINIUM (or an admin's own).</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>The name in French; empty: French pages show <see cref="Name"/>.</summary>
    public string NameFr { get; private set; } = "";

    /// <summary>The description in French; empty: French pages show <see cref="Description"/>.</summary>
    public string DescriptionFr { get; private set; } = "";

    /// <summary>The name in <paramref name="culture"/>'s language (French or English), <see cref="Name"/> when there is no translation.</summary>
    public string NameIn(System.Globalization.CultureInfo culture) => IsFrench(culture) && NameFr.Length > 0 ? NameFr : Name;

    /// <summary>The description in <paramref name="culture"/>'s language (French or English), <see cref="Description"/> when there is no translation.</summary>
    public string DescriptionIn(System.Globalization.CultureInfo culture) => IsFrench(culture) && DescriptionFr.Length > 0 ? DescriptionFr : Description;

    public bool IsActive { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>Free trial length for a creator's first paid subscription, in days; 0 for none.</summary>
    public int TrialDays { get; private set; }

    public PlanCapabilities Capabilities { get; private set; }

    /// <summary>Stripe Product id (<c>prod_…</c>) once synced; null before.</summary>
    public string? StripeProductId { get; private set; }

    public IReadOnlyList<PlanPrice> Prices => _prices;

    /// <summary>True for the FREE plan: activated directly, never sent to Stripe Checkout.</summary>
    public bool IsFree => Code == PlanCodes.Free;

    /// <summary>Changes what the plan is called, shows and allows.</summary>
    /// <exception cref="DomainException">The name is empty, the name or description breaks <see cref="TextRules"/>, or trial days are negative.</exception>
    public void Update(string name, string description, int sortOrder, int trialDays, PlanCapabilities capabilities)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A plan name is required.");
        TextRules.EnsureName(name, "plan name");
        TextRules.EnsureMultiLine(description, "plan description");
        if (trialDays < 0) throw new DomainException("Trial days cannot be negative.");
        if (capabilities.CommissionRateBps is < 0 or > 10_000) throw new DomainException("The commission must be between 0 and 10000 basis points.");
        Name = name.Trim();
        Description = description.Trim();
        SortOrder = sortOrder;
        TrialDays = trialDays;
        Capabilities = capabilities;
    }

    /// <summary>Sets the French name and description (null or empty: none, French pages show the English ones).</summary>
    /// <exception cref="DomainException">The name or description breaks <see cref="TextRules"/>.</exception>
    public void Translate(string? nameFr, string? descriptionFr)
    {
        var name = nameFr?.Trim() ?? "";
        var description = descriptionFr?.Trim() ?? "";
        if (name.Length > 0) TextRules.EnsureName(name, "French plan name");
        TextRules.EnsureMultiLine(description, "French plan description");
        NameFr = name;
        DescriptionFr = description;
    }

    private static bool IsFrench(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr";

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;

    /// <summary>Records the Stripe Product this plan is (<c>prod_…</c>).</summary>
    public void LinkStripeProduct(string stripeProductId) => StripeProductId = stripeProductId;

    /// <summary>Adds a price; there is at most one active price per interval and currency.</summary>
    /// <exception cref="DomainException">An active price for that interval and currency exists already.</exception>
    public PlanPrice AddPrice(PlanInterval interval, long amountMinor, string currency)
    {
        var normalized = currency.Trim().ToLowerInvariant();
        if (_prices.Any(p => p.IsActive && p.Interval == interval && p.Currency == normalized))
            throw new DomainException("{0} already has an active {1} price in {2}.", Code, new Text.CoreWord(interval == PlanInterval.Month ? "monthly" : "yearly"), normalized.ToUpperInvariant());
        var price = new PlanPrice(this, interval, amountMinor, normalized);
        _prices.Add(price);
        return price;
    }

    /// <summary>The active price for an interval (and currency, if given); null when there is none.</summary>
    public PlanPrice? ActivePrice(PlanInterval interval, string? currency = null) =>
        _prices.FirstOrDefault(p => p.IsActive && p.Interval == interval && (currency is null || p.Currency == currency));
}
