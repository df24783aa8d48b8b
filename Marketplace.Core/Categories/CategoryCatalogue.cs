using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Categories;

/// <summary>The categories, read by every listing form and search page, edited by the admin.</summary>
public sealed class CategoryCatalogue(MarketplaceDbContext db)
{
    /// <summary>Every category by <see cref="Category.Position"/>, then English name.</summary>
    public async Task<IReadOnlyList<Category>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.NameEn).ToListAsync(cancellationToken);

    /// <summary>One category; null when there is none with that id.</summary>
    public Task<Category?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Adds a category.</summary>
    /// <exception cref="DomainException">The input breaks <see cref="Category"/>'s rules, or another category has the slug.</exception>
    public async Task<Category> CreateAsync(string? slug, string? nameEn, string? nameFr, int position, CancellationToken cancellationToken = default)
    {
        var category = new Category(slug ?? "", nameEn ?? "", nameFr ?? "", position);
        await EnsureSlugFreeAsync(category.Slug, null, cancellationToken);
        db.Categories.Add(category);
        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    /// <summary>Changes a category; false when there is none with that id.</summary>
    /// <exception cref="DomainException">As <see cref="CreateAsync"/>.</exception>
    public async Task<bool> UpdateAsync(int id, string? slug, string? nameEn, string? nameFr, int position, CancellationToken cancellationToken = default)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null) return false;
        category.Update(slug, nameEn, nameFr, position);
        await EnsureSlugFreeAsync(category.Slug, id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Deletes a category; its listings keep no category. False when there is none with that id.</summary>
    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null) return false;
        await db.Listings.Where(l => l.CategoryId == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.CategoryId, (int?)null), cancellationToken);
        db.Categories.Remove(category);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds <see cref="CategoryDefaults"/> when there is no category at all (a new marketplace); returns how many.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Categories.AnyAsync(cancellationToken)) return 0;
        var position = 10;
        foreach (var (slug, en, fr) in CategoryDefaults.All)
        {
            db.Categories.Add(new Category(slug, en, fr, position));
            position += 10;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CategoryDefaults.All.Count;
    }

    private async Task EnsureSlugFreeAsync(string slug, int? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(c => c.Slug == slug && c.Id != exceptId, cancellationToken))
            throw new DomainException("Another category already has the address “{0}”.", slug);
    }
}
