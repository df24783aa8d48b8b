using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.Core.Text;

namespace Marketplace.Core.Categories;

/// <summary>
/// One of the marketplace's categories (a fixed list the admin edits at <c>/admin/categories</c>): a name in English and
/// in French, a <see cref="Slug"/> used in search links (<c>/search?category=music</c>) and a <see cref="Position"/>
/// (ascending) in lists. A creator puts a listing in at most one.
/// </summary>
public sealed partial class Category
{
    private Category()
    {
    }

    /// <summary>Creates a category.</summary>
    /// <exception cref="DomainException">A name is empty or too long, or the slug is not 1 to <see cref="MaxSlugLength"/> of a-z, 0-9 and '-'.</exception>
    public Category(string slug, string nameEn, string nameFr, int position) => Update(slug, nameEn, nameFr, position);

    public int Id { get; private set; }

    /// <summary>Lower case a-z, 0-9 and '-', unique.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>The English name.</summary>
    public string NameEn { get; private set; } = "";

    /// <summary>The French name.</summary>
    public string NameFr { get; private set; } = "";

    /// <summary>Where it comes in lists, ascending.</summary>
    public int Position { get; private set; }

    public const int MaxNameLength = 60;

    public const int MaxSlugLength = 40;

    /// <summary>The name in <paramref name="culture"/>'s language: French for <c>fr</c>, English otherwise.</summary>
    public string NameIn(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? NameFr : NameEn;

    /// <summary>Changes the names, slug and position.</summary>
    /// <exception cref="DomainException">As the constructor.</exception>
    public void Update(string? slug, string? nameEn, string? nameFr, int position)
    {
        var normalized = (slug ?? "").Trim().ToLowerInvariant();
        if (normalized.Length is 0 or > MaxSlugLength || !SlugPattern().IsMatch(normalized))
            throw new DomainException("The category's address is 1 to {0} lower-case letters, digits and dashes.", MaxSlugLength);
        foreach (var name in new[] { nameEn, nameFr })
        {
            if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A category needs its name in English and in French.");
            if (name.Trim().Length > MaxNameLength) throw new DomainException("A category's name is at most {0} characters.", MaxNameLength);
            TextRules.EnsureName(name, "category name");
        }

        Slug = normalized;
        NameEn = nameEn!.Trim();
        NameFr = nameFr!.Trim();
        Position = position;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
