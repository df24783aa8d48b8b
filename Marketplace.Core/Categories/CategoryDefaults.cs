namespace Marketplace.Core.Categories;

/// <summary>The categories a new marketplace starts with (digital goods), seeded when the table is empty.</summary>
public static class CategoryDefaults
{
    /// <summary>Slug, English name, French name; positions 10, 20, 30… in this order.</summary>
    public static readonly IReadOnlyList<(string Slug, string NameEn, string NameFr)> All =
    [
        ("art", "Art & illustration", "Art et illustration"),
        ("photography", "Photography", "Photographie"),
        ("music", "Music & audio", "Musique et audio"),
        ("writing", "Writing & e-books", "Écriture et livres numériques"),
        ("education", "Education & courses", "Éducation et cours"),
        ("software", "Software & code", "Logiciels et code"),
        ("templates", "Templates", "Modèles"),
        ("games", "Games", "Jeux"),
        ("other", "Other", "Autre"),
    ];
}
