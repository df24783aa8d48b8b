using Marketplace.Core.Creators;
using Marketplace.Core.Memberships.Posts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class MembershipPostConfiguration : IEntityTypeConfiguration<MembershipPost>
{
    public void Configure(EntityTypeBuilder<MembershipPost> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(MembershipPost.MaxTitleLength).IsRequired();
        builder.Property(p => p.Body).HasMaxLength(MembershipPost.MaxBodyLength).IsRequired();
        builder.HasOne<CreatorProfile>().WithMany().HasForeignKey(p => p.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.MinimumTier).WithMany().HasForeignKey(p => p.MinimumTierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CreatorProfileId, p.PublishedAt });
    }
}
