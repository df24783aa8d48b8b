namespace Marketplace.Core.Plans;

/// <summary>
/// What a plan lets a creator do. Stored as columns of <see cref="Plan"/> (an EF Core complex type).
/// </summary>
/// <param name="MaxListings">How many listings a creator may publish; null means unlimited.</param>
/// <param name="CommissionRateBps">The platform's commission on each sale in basis points (1000 = 10 %).</param>
/// <param name="MaxMembershipTiers">How many membership tiers (not archived) a creator may offer; null means unlimited, 0 none.</param>
public sealed record PlanCapabilities(int? MaxListings, int CommissionRateBps, int? MaxMembershipTiers = 0)
{
    /// <summary>The commission as a percentage for display, e.g. 1250 bps → 12.5.</summary>
    public decimal CommissionPercent => CommissionRateBps / 100m;
}
