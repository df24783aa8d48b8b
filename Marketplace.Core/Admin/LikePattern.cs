namespace Marketplace.Core.Admin;

/// <summary>Builds SQL <c>LIKE</c> patterns from what an admin typed, wildcards taken literally.</summary>
public static class LikePattern
{
    /// <summary>The escape character to pass to <c>EF.Functions.Like</c> with <see cref="Contains"/>.</summary>
    public const string Escape = "\\";

    /// <summary><c>%term%</c> with <c>%</c>, <c>_</c>, <c>[</c> and the escape character escaped.</summary>
    public static string Contains(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal) + "%";
}
