namespace Marketplace.Core.Accounts;

/// <summary>The application's Identity roles.</summary>
public static class Roles
{
    public const string Creator = "Creator";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Creator, Admin];
}
