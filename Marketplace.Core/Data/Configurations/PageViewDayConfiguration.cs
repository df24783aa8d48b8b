using Marketplace.Core.Creators;
using Marketplace.Core.PageViews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class PageViewDayConfiguration : IEntityTypeConfiguration<PageViewDay>
{
    public void Configure(EntityTypeBuilder<PageViewDay> builder)
    {
        builder.HasKey(p => new { p.CreatorProfileId, p.ListingId, p.Day });
        builder.HasIndex(p => new { p.CreatorProfileId, p.Day });
        builder.HasOne<CreatorProfile>().WithMany().HasForeignKey(p => p.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}
