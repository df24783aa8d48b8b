using Marketplace.Core.Deliveries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ListingFileConfiguration : IEntityTypeConfiguration<ListingFile>
{
    public void Configure(EntityTypeBuilder<ListingFile> builder)
    {
        builder.Property(f => f.OriginalName).HasMaxLength(ListingFile.MaxNameLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(127).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.StoreKey).HasMaxLength(400).IsRequired();
        builder.HasIndex(f => f.StoreKey).IsUnique();
        builder.HasIndex(f => f.ListingId);
        builder.HasOne<Listings.Listing>().WithMany().HasForeignKey(f => f.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}
