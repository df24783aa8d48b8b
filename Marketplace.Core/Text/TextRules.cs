namespace Marketplace.Core.Text;

/// <summary>
/// The one rule for text people type that others read (shop names, plan names, listing titles, descriptions, delivery
/// notes): no control characters (Unicode category Cc: NUL, ESC, DEL, C1 codes…), except line feed, carriage return and
/// tab in multi-line text; and no bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069)
/// in a name or title, where they reverse what others see ("‮gpj.exe" shows as "exe.jpg").
/// </summary>
public static class TextRules
{
    /// <summary>Why <paramref name="value"/> cannot be a one-line name or title called <paramref name="field"/>; null when it can (null and empty pass).</summary>
    public static CoreMessage? NameError(string? value, string field)
    {
        if (string.IsNullOrEmpty(value)) return null;
        foreach (var c in value)
        {
            if (char.IsControl(c)) return CoreMessage.Of("{0} cannot contain control characters (line breaks, tabs, NUL…).", Field(field));
            if (IsBidiControl(c)) return CoreMessage.Of("{0} cannot contain right-to-left or left-to-right override characters (U+202A–U+202E, U+2066–U+2069).", Field(field));
        }

        return null;
    }

    /// <summary>Why <paramref name="value"/> cannot be multi-line text called <paramref name="field"/>; null when it can (line breaks and tabs allowed).</summary>
    public static CoreMessage? MultiLineError(string? value, string field)
    {
        if (string.IsNullOrEmpty(value)) return null;
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) return CoreMessage.Of("{0} cannot contain control characters other than line breaks and tabs.", Field(field));
        }

        return null;
    }

    /// <summary>Throws a <see cref="DomainException"/> with <see cref="NameError"/>'s message when there is one.</summary>
    /// <exception cref="DomainException">The value breaks the rule.</exception>
    public static void EnsureName(string? value, string field)
    {
        if (NameError(value, field) is { } error) throw new DomainException(error);
    }

    /// <summary>Throws a <see cref="DomainException"/> with <see cref="MultiLineError"/>'s message when there is one.</summary>
    /// <exception cref="DomainException">The value breaks the rule.</exception>
    public static void EnsureMultiLine(string? value, string field)
    {
        if (MultiLineError(value, field) is { } error) throw new DomainException(error);
    }

    /// <summary>The field as the subject of a sentence, a word the web app translates: <c>The shop name</c>.</summary>
    private static CoreWord Field(string field) => new("The " + field);

    /// <summary>U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066–U+2069 (LRI, RLI, FSI, PDI).</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
