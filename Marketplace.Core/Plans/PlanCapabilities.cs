namespace Marketplace.Core.Plans;

/// <summary>
/// What a plan lets a creator do. Stored as columns of <see cref="Plan"/> (an EF Core complex type).
/// </summary>
/// <param name="MaxListings">How many listings a creator may publish; null means unlimited.</param>
/// <param name="CommissionRateBps">The platform's commission on each sale in basis points (1000 = 10 %).</param>
/// <param name="CustomDomain">Whether the creator may use their own domain for their shop.</param>
/// <param name="PrioritySupport">Whether the creator's support requests jump the queue.</param>
public sealed record PlanCapabilities(int? MaxListings, int CommissionRateBps, bool CustomDomain, bool PrioritySupport)
{
    /// <summary>The commission as a percentage for display, e.g. 1250 bps → 12.5.</summary>
    public decimal CommissionPercent => CommissionRateBps / 100m;
}
