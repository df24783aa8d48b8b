namespace Marketplace.Core.Plans;

/// <summary>
/// What a plan lets a creator do. Stored as columns of <see cref="Plan"/> (an EF Core complex type).
/// </summary>
/// <param name="MaxListings">How many listings a creator may publish; null means unlimited.</param>
/// <param name="CommissionRateBps">The platform's commission on each sale in basis points (1000 = 10 %).</param>
public sealed record PlanCapabilities(int? MaxListings, int CommissionRateBps)
{
    /// <summary>The commission as a percentage for display, e.g. 1250 bps → 12.5.</summary>
    public decimal CommissionPercent => CommissionRateBps / 100m;
}
