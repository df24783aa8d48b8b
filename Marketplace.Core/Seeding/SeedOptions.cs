namespace Marketplace.Core.Seeding;

/// <summary>
/// What is created at start-up, section <c>Seed</c>. Outside Development the admin's email and password are
/// required: the app refuses to start and names the missing key.
/// </summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Email of the administrator created at start-up if absent.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>Password of that administrator (Identity's password rules apply).</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Create the five standard plans and their EUR prices if absent.</summary>
    public bool Plans { get; set; } = true;
}
