using System.Globalization;
using Marketplace.Core.Amounts;

namespace Marketplace.Core.Memberships;

/// <summary>
/// A tier as a creator types it: the monthly price in major units as text in <see cref="Culture"/> (<c>5.00</c> EUR in
/// English, <c>5,00</c> in French; the invariant culture when null), a currency Stripe supports, an optional member limit.
/// </summary>
public sealed record MembershipTierInput(string? Name, string? Description, string? Benefits, string? MonthlyPrice, string? Currency,
    int? MemberLimit, bool IsVisible, CultureInfo? Culture = null)
{
    /// <summary>The monthly price in minor units or the error to show, read by <see cref="AmountParser"/>.</summary>
    public AmountResult MonthlyPriceMinor() => AmountParser.Parse(MonthlyPrice, Currency, Culture ?? CultureInfo.InvariantCulture);
}

/// <summary>What happened to a tier request.</summary>
public enum MembershipTierOutcome
{
    Done,

    /// <summary>The input is not valid: <see cref="MembershipTierResult.Error"/> says why; nothing stored.</summary>
    Invalid,

    /// <summary>No such tier of this creator (another creator's tier is "not found" too).</summary>
    NotFound,

    /// <summary>The plan's <c>MaxMembershipTiers</c> is reached: <see cref="MembershipTierResult.Limit"/>; nothing stored (HTTP 402).</summary>
    LimitReached,
}

/// <summary>A plan's tier limit that a creation ran into: the plan's name, its limit and the tiers in use.</summary>
public sealed record MembershipTierLimit(string PlanName, int Limit, int Usage);

/// <summary>The outcome, with the tier, the error or the limit.</summary>
public sealed record MembershipTierResult(MembershipTierOutcome Outcome, MembershipTier? Tier = null, Text.CoreMessage? Error = null,
    MembershipTierLimit? Limit = null);
