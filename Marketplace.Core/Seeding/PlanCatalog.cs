using Marketplace.Core.Plans;

namespace Marketplace.Core.Seeding;

/// <summary>The platform's standard plans. Prices are EUR minor units per month; a year costs 10 months.</summary>
public static class PlanCatalog
{
    /// <summary>The seeded currency.</summary>
    public const string Currency = "eur";

    /// <summary>One standard plan: code, name and description (English, then French), monthly price in cents, trial days, capabilities.</summary>
    public sealed record Entry(string Code, string Name, string Description, string NameFr, string DescriptionFr, long MonthlyAmountMinor, int TrialDays,
        PlanCapabilities Capabilities);

    /// <summary>FREE, BRONZE, SILVER, GOLD, PLATINIUM, in display order.</summary>
    public static IReadOnlyList<Entry> Standard { get; } =
    [
        new(PlanCodes.Free, "Free", "Start selling with a few listings.", "Gratuit", "Commencez à vendre avec quelques annonces.", 0, 0, new PlanCapabilities(3, 1500, 0)),
        new(PlanCodes.Bronze, "Bronze", "For creators finding their audience.", "Bronze", "Pour les créateurs qui trouvent leur public.", 900, 0, new PlanCapabilities(10, 1200, 1)),
        new(PlanCodes.Silver, "Silver", "A growing shop with a lower commission.", "Argent", "Une boutique qui grandit, avec une commission plus basse.", 1900, 0,
            new PlanCapabilities(50, 1000, 3)),
        new(PlanCodes.Gold, "Gold", "A 14-day free trial and a lower commission.", "Or", "Un essai gratuit de 14 jours et une commission plus basse.", 4900, 14,
            new PlanCapabilities(200, 800, 10)),
        new(PlanCodes.Platinium, "Platinum", "Unlimited listings and the lowest commission.", "Platine", "Annonces illimitées et la commission la plus basse.", 9900, 0,
            new PlanCapabilities(null, 500, null)),
    ];
}
