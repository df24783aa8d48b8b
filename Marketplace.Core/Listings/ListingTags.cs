using System.Globalization;
using System.Text;

namespace Marketplace.Core.Listings;

/// <summary>
/// A listing's free tags as the creator types them, comma-separated (<c>Poster, Sci-Fi, #lighthouse</c>), normalized:
/// lower case, a leading <c>#</c> dropped, spaces inside a tag made dashes, only letters, digits and dashes; duplicates
/// dropped; at most <see cref="MaxCount"/> of at most <see cref="MaxLength"/> characters. Stored space-separated in
/// <see cref="Listing.Tags"/> (the search index reads them so).
/// </summary>
public static class ListingTags
{
    public const int MaxCount = 5;

    public const int MaxLength = 24;

    /// <summary>The longest stored value: every tag at its longest, spaces between.</summary>
    public const int MaxStoredLength = MaxCount * (MaxLength + 1);

    /// <summary>The normalized tags of <paramref name="input"/>, in the order typed; none for null or blank.</summary>
    /// <exception cref="DomainException">More than <see cref="MaxCount"/> tags, one longer than <see cref="MaxLength"/>, or one with other characters than letters, digits, spaces and dashes.</exception>
    public static IReadOnlyList<string> Parse(string? input)
    {
        var tags = new List<string>();
        foreach (var raw in (input ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = Normalize(raw);
            if (tag.Length == 0 || tags.Contains(tag)) continue;
            if (tag.Length > MaxLength) throw new DomainException("A tag is at most {0} characters.", MaxLength);
            tags.Add(tag);
        }

        if (tags.Count > MaxCount) throw new DomainException("A listing has at most {0} tags.", MaxCount);
        return tags;
    }

    /// <summary>The stored form's tags (<see cref="Listing.Tags"/>, space-separated).</summary>
    public static IReadOnlyList<string> Split(string? stored) => (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Normalize(string raw)
    {
        var text = raw.TrimStart('#').Trim().ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormC);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) result.Append(c);
            else if ((c == '-' || char.IsWhiteSpace(c)) && result.Length > 0 && result[^1] != '-') result.Append('-');
            else if (c != '-' && !char.IsWhiteSpace(c)) throw new DomainException("A tag has only letters, digits, spaces and dashes.");
        }

        return result.ToString().TrimEnd('-');
    }
}
