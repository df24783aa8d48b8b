using Marketplace.Core.Shops;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class FormerSlugConfiguration : IEntityTypeConfiguration<FormerSlug>
{
    public void Configure(EntityTypeBuilder<FormerSlug> builder)
    {
        builder.Property(f => f.Slug).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => f.Slug).IsUnique();
        builder.HasIndex(f => f.CreatorProfileId);
        builder.HasOne(f => f.CreatorProfile).WithMany().HasForeignKey(f => f.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
