using Marketplace.Core.Plans;

namespace Marketplace.Core.Seeding;

/// <summary>The platform's standard plans. Prices are EUR minor units per month; a year costs 10 months.</summary>
public static class PlanCatalog
{
    /// <summary>The seeded currency.</summary>
    public const string Currency = "eur";

    /// <summary>One standard plan: code, name, description, monthly price in cents, trial days, capabilities.</summary>
    public sealed record Entry(string Code, string Name, string Description, long MonthlyAmountMinor, int TrialDays, PlanCapabilities Capabilities);

    /// <summary>FREE, BRONZE, SILVER, GOLD, PLATINIUM, in display order.</summary>
    public static IReadOnlyList<Entry> Standard { get; } =
    [
        new(PlanCodes.Free, "Free", "Start selling with a few listings.", 0, 0, new PlanCapabilities(3, 1500, false, false)),
        new(PlanCodes.Bronze, "Bronze", "For creators finding their audience.", 900, 0, new PlanCapabilities(10, 1200, false, false)),
        new(PlanCodes.Silver, "Silver", "A growing shop with a lower commission.", 1900, 0, new PlanCapabilities(50, 1000, false, false)),
        new(PlanCodes.Gold, "Gold", "Your own domain and a 14-day free trial.", 4900, 14, new PlanCapabilities(200, 800, true, false)),
        new(PlanCodes.Platinium, "Platinium", "Unlimited listings, the lowest commission, priority support.", 9900, 0, new PlanCapabilities(null, 500, true, true)),
    ];
}
