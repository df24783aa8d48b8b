using Marketplace.Core.Categories;

namespace Marketplace.Web.Models;

/// <summary>One category's form on <c>/admin/categories</c> (<see cref="Id"/> null: the new one).</summary>
public sealed class CategoryFormModel
{
    public int? Id { get; set; }

    public string? Slug { get; set; }

    public string? NameEn { get; set; }

    public string? NameFr { get; set; }

    public int Position { get; set; }

    /// <summary>The form of a stored category.</summary>
    public static CategoryFormModel From(Category category) =>
        new() { Id = category.Id, Slug = category.Slug, NameEn = category.NameEn, NameFr = category.NameFr, Position = category.Position };
}

/// <summary>The categories page: every category, the form refused (shown as typed) and its message.</summary>
public sealed record AdminCategoriesViewModel(IReadOnlyList<Category> Categories, CategoryFormModel? Refused, string? Error);
