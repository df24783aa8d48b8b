using System.Globalization;
using System.Text;

namespace Marketplace.Core.Search;

/// <summary>
/// The words of what a visitor typed in the search box, safe for every engine: only runs of letters and digits (with
/// their accents) are kept, so quotes, <c>*</c>, <c>NEAR</c>/<c>OR</c> operators, column filters and SQL are plain words
/// or nothing. At most <see cref="MaxTerms"/> words of at most <see cref="MaxTermLength"/> characters, from the first
/// <see cref="MaxQueryLength"/> characters. Every word must match (AND); the last one also as a prefix, for
/// half-typed words.
/// </summary>
public sealed class SearchTerms
{
    public const int MaxQueryLength = 200;

    public const int MaxTerms = 8;

    public const int MaxTermLength = 40;

    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    /// <summary>The words, lower case (invariant), in the order typed; empty when there is nothing to search for.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>True when there is no word: the search lists everything (filters only).</summary>
    public bool IsEmpty => Words.Count == 0;

    /// <summary>The words of <paramref name="query"/> (null or blank: none).</summary>
    public static SearchTerms Parse(string? query)
    {
        var text = (query ?? "").Normalize(NormalizationForm.FormC);
        if (text.Length > MaxQueryLength) text = text[..MaxQueryLength];
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
                continue;
            }

            if (word.Length == 0) continue;
            var w = word.ToString().ToLowerInvariant();
            word.Clear();
            if (w.Length > MaxTermLength) w = w[..MaxTermLength];
            if (!words.Contains(w)) words.Add(w);
            if (words.Count == MaxTerms) break;
        }

        return new SearchTerms(words);
    }

    /// <summary>An FTS5 MATCH expression: each word a quoted string (the last with <c>*</c>, a prefix), implicitly AND-ed.</summary>
    public string ToFts5() => string.Join(' ', Words.Select((w, i) => i == Words.Count - 1 ? $"\"{w}\"*" : $"\"{w}\""));

    /// <summary>A PostgreSQL <c>to_tsquery</c> text: each word quoted, AND-ed with <c>&amp;</c>, the last with <c>:*</c> (a prefix).</summary>
    public string ToTsQuery() => string.Join(" & ", Words.Select((w, i) => i == Words.Count - 1 ? $"'{w}':*" : $"'{w}'"));
}
