namespace Marketplace.Core.Plans;

/// <summary>The platform's plan codes, from cheapest to dearest.</summary>
public static class PlanCodes
{
    public const string Free = "FREE";
    public const string Bronze = "BRONZE";
    public const string Silver = "SILVER";
    public const string Gold = "GOLD";
    public const string Platinium = "PLATINIUM";
}
