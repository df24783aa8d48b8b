using System.Globalization;
using Marketplace.Core.Memberships;

namespace Marketplace.Web.Models;

/// <summary>
/// The membership tier form: the monthly price in major units as typed (<c>5.00</c>, or <c>5,00</c> in French), currency
/// ISO 4217, an optional member limit (empty: none), visible on the storefront or hidden.
/// </summary>
public sealed class MembershipTierFormModel
{
    public string? Name { get; set; }

    /// <summary>Markdown.</summary>
    public string? Description { get; set; }

    /// <summary>One benefit a line.</summary>
    public string? Benefits { get; set; }

    public string? MonthlyPrice { get; set; }

    public string? Currency { get; set; } = "eur";

    public int? MemberLimit { get; set; }

    public bool IsVisible { get; set; } = true;

    /// <summary>The input for Core, the price read in <paramref name="culture"/> (the request's).</summary>
    public MembershipTierInput ToInput(CultureInfo culture) =>
        new(Name, Description, Benefits, MonthlyPrice, Currency, MemberLimit, IsVisible, culture);

    /// <summary>The form filled from a stored tier (minor units back to major, written in <paramref name="culture"/>).</summary>
    public static MembershipTierFormModel From(MembershipTier tier, CultureInfo culture) => new()
    {
        Name = tier.Name,
        Description = tier.Description,
        Benefits = tier.Benefits,
        MonthlyPrice = PlanFormModel.Major(tier.MonthlyAmountMinor, tier.Currency, culture),
        Currency = tier.Currency,
        MemberLimit = tier.MemberLimit,
        IsVisible = tier.IsVisible,
    };
}

/// <summary>The new/edit tier page: the form, the tier id when editing, the error to show.</summary>
public sealed record MembershipTierFormViewModel(MembershipTierFormModel Form, int? TierId, string? Error);

/// <summary>The tiers page: the creator's tiers (not archived) and their plan's limit (null: unlimited).</summary>
public sealed record MembershipTiersPageViewModel(IReadOnlyList<MembershipTier> Tiers, int? MaxTiers);
