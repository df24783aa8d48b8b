using System.Globalization;
using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Plans;
using Marketplace.Core.Amounts;

namespace Marketplace.Web.Models;

/// <summary>
/// The admin's plan form. Amounts are text in major units of <see cref="Currency"/> in the request's culture (19.00 EUR
/// in English, 19,00 in French, 5000 XAF), read by <see cref="Marketplace.Core.Amounts.AmountParser"/>; empty: no price.
/// </summary>
public sealed class PlanFormModel
{
    public int? Id { get; set; }

    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9_]{1,31}$", ErrorMessage = "Letters, digits and underscores, 2 to 32 characters.")]
    public string Code { get; set; } = "";

    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    [StringLength(1000)]
    public string? Description { get; set; }

    [StringLength(100)]
    [Display(Name = "Name in French (empty: the English name)")]
    public string? NameFr { get; set; }

    [StringLength(1000)]
    [Display(Name = "Description in French (empty: the English description)")]
    public string? DescriptionFr { get; set; }

    [Range(0, 10_000)]
    [Display(Name = "Sort order")]
    public int SortOrder { get; set; }

    [Range(0, 365)]
    [Display(Name = "Trial days")]
    public int TrialDays { get; set; }

    [Range(0, 1_000_000)]
    [Display(Name = "Max listings (empty: unlimited)")]
    public int? MaxListings { get; set; }

    [Range(0, 1_000)]
    [Display(Name = "Max membership tiers (empty: unlimited)")]
    public int? MaxMembershipTiers { get; set; }

    [Range(0, 10_000)]
    [Display(Name = "Commission (basis points)")]
    public int CommissionRateBps { get; set; }

    [Required, RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "An ISO 4217 code such as EUR or XAF.")]
    public string Currency { get; set; } = "eur";

    [StringLength(32)]
    [Display(Name = "Monthly price")]
    public string? MonthlyAmount { get; set; }

    [StringLength(32)]
    [Display(Name = "Yearly price")]
    public string? YearlyAmount { get; set; }

    public PlanCapabilities Capabilities => new(MaxListings, CommissionRateBps, MaxMembershipTiers);

    /// <summary>The form filled from a plan and its active prices, amounts written in <paramref name="culture"/> (the request's).</summary>
    public static PlanFormModel From(Plan plan, CultureInfo culture)
    {
        var monthly = plan.ActivePrice(PlanInterval.Month);
        var yearly = plan.ActivePrice(PlanInterval.Year);
        var currency = monthly?.Currency ?? yearly?.Currency ?? "eur";
        return new PlanFormModel
        {
            Id = plan.Id,
            Code = plan.Code,
            Name = plan.Name,
            Description = plan.Description,
            NameFr = plan.NameFr,
            DescriptionFr = plan.DescriptionFr,
            SortOrder = plan.SortOrder,
            TrialDays = plan.TrialDays,
            MaxListings = plan.Capabilities.MaxListings,
            MaxMembershipTiers = plan.Capabilities.MaxMembershipTiers,
            CommissionRateBps = plan.Capabilities.CommissionRateBps,
            Currency = currency,
            MonthlyAmount = monthly is null ? null : Major(monthly.AmountMinor, currency, culture),
            YearlyAmount = yearly is null ? null : Major(yearly.AmountMinor, currency, culture),
        };
    }

    /// <summary>Minor units as the form shows them: 1900 EUR → "19.00" (English), "19,00" (French); no thousands separator.</summary>
    public static string Major(long minor, string currency, CultureInfo culture) =>
        Money.ToMajor(minor, currency).ToString("F" + Money.DecimalDigits(currency), culture);
}
