using Marketplace.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(Listing.MaxTitleLength).IsRequired();
        builder.Property(l => l.Description).HasMaxLength(Listing.MaxDescriptionLength);
        builder.Property(l => l.DeliveryNote).HasMaxLength(Listing.MaxDeliveryNoteLength);
        builder.Property(l => l.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(l => new { l.CreatorProfileId, l.IsActive, l.CreatedAt });
        builder.Property(l => l.Tags).HasMaxLength(ListingTags.MaxStoredLength).IsRequired().HasDefaultValue("");
        builder.HasOne(l => l.Category).WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(l => l.TagList);
        builder.Ignore(l => l.Cover);
        builder.Ignore(l => l.Gallery);
        builder.HasOne(l => l.CreatorProfile).WithMany().HasForeignKey(l => l.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
