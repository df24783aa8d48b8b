using Marketplace.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ListingImageConfiguration : IEntityTypeConfiguration<ListingImage>
{
    public void Configure(EntityTypeBuilder<ListingImage> builder)
    {
        builder.Property(i => i.Alt).HasMaxLength(ListingImage.MaxAltLength);
        builder.Property(i => i.ThumbnailKey).HasMaxLength(ListingImage.KeyLength).IsRequired();
        builder.Property(i => i.CardKey).HasMaxLength(ListingImage.KeyLength).IsRequired();
        builder.Property(i => i.FullKey).HasMaxLength(ListingImage.KeyLength).IsRequired();
        builder.HasIndex(i => new { i.ListingId, i.Position });
        builder.Ignore(i => i.IsCover);
        builder.HasOne<Listing>().WithMany(l => l.Images).HasForeignKey(i => i.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}
