using Marketplace.Core.Categories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(Category.MaxSlugLength).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(Category.MaxNameLength).IsRequired();
        builder.Property(c => c.NameFr).HasMaxLength(Category.MaxNameLength).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
    }
}
