namespace Marketplace.Core.Accounts;

/// <summary>The application's Identity roles.</summary>
public static class Roles
{
    public const string Creator = "Creator";
    public const string Admin = "Admin";

    /// <summary>An account made to buy, without a shop (<see cref="Buyers.BuyerRegistration"/>); it keeps the role once it opens a shop.</summary>
    public const string Buyer = "Buyer";

    public static IReadOnlyList<string> All { get; } = [Creator, Admin, Buyer];
}
