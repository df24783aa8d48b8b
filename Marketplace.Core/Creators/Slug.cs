using System.Globalization;
using System.Text;

namespace Marketplace.Core.Creators;

/// <summary>Turns a display name into a URL-safe slug: lower-case ASCII letters, digits and single dashes.</summary>
public static class Slug
{
    /// <summary>"Émilie  Durand!" → "emilie-durand". Returns "creator" when nothing usable is left.</summary>
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 60) slug = slug[..60].TrimEnd('-');
        return slug.Length == 0 ? "creator" : slug;
    }
}
