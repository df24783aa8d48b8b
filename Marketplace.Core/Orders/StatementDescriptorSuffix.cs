using System.Globalization;
using System.Text;

namespace Marketplace.Core.Orders;

/// <summary>
/// The shop's name as Stripe's dynamic statement descriptor suffix (<c>payment_intent_data[statement_descriptor_suffix]</c>),
/// cleaned to Stripe's rules (https://docs.stripe.com/get-started/account/statement-descriptors and
/// https://docs.stripe.com/connect/statement-descriptors): Latin characters only (accents folded: "Café" → "Cafe",
/// anything else such as emoji dropped), none of <c>&lt; &gt; \ ' " *</c>, at least one letter, and short enough that
/// the platform's prefix (2 to 10 characters), <c>*</c>, a space and the suffix fit in 22 characters.
/// </summary>
public static class StatementDescriptorSuffix
{
    /// <summary>Stripe's limit for the whole descriptor, prefix + <c>* </c> + suffix.</summary>
    public const int MaxDescriptorLength = 22;

    /// <summary>Stripe's longest static prefix (the "shortened descriptor"), the length assumed when the platform's is unknown.</summary>
    public const int MaxPrefixLength = 10;

    private const string Forbidden = "<>\\'\"*";

    private static readonly Dictionary<char, string> Ligatures = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['ø'] = "o", ['Ø'] = "O", ['đ'] = "d", ['Đ'] = "D",
        ['ł'] = "l", ['Ł'] = "L", ['þ'] = "th", ['Þ'] = "TH", ['’'] = "", ['‘'] = "",
    };

    /// <summary>
    /// <paramref name="shopName"/> as a suffix for a platform whose prefix has <paramref name="prefixLength"/> characters
    /// (2 to 10; default the longest), or null when nothing usable is left (empty, emoji only, no letter): the suffix is
    /// then omitted and Stripe shows the platform's descriptor alone.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixLength"/> is not 2 to 10.</exception>
    public static string? From(string? shopName, int prefixLength = MaxPrefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefixLength, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, MaxPrefixLength);
        if (string.IsNullOrWhiteSpace(shopName)) return null;
        var folded = new StringBuilder();
        foreach (var c in shopName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Ligatures.TryGetValue(c, out var replacement)) folded.Append(replacement);
            else if (char.IsWhiteSpace(c)) folded.Append(' ');
            else if (c is >= ' ' and <= '~' && !Forbidden.Contains(c, StringComparison.Ordinal)) folded.Append(c);
        }

        var words = folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        var max = MaxDescriptorLength - prefixLength - 2;
        if (text.Length > max) text = text[..max].TrimEnd();
        return text.Any(char.IsAsciiLetter) ? text : null;
    }
}
