using Marketplace.Core.Creators;
using Marketplace.Core.Listings;
using Marketplace.Core.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ShopModerationConfiguration : IEntityTypeConfiguration<ShopModeration>
{
    public void Configure(EntityTypeBuilder<ShopModeration> builder)
    {
        builder.HasKey(m => m.CreatorProfileId);
        builder.Property(m => m.CreatorProfileId).ValueGeneratedNever();
        builder.Property(m => m.Reason).HasMaxLength(ModerationRules.MaxReasonLength);
        builder.HasIndex(m => m.FeaturedRank);
        builder.HasOne<CreatorProfile>().WithOne().HasForeignKey<ShopModeration>(m => m.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingModerationConfiguration : IEntityTypeConfiguration<ListingModeration>
{
    public void Configure(EntityTypeBuilder<ListingModeration> builder)
    {
        builder.HasKey(m => m.ListingId);
        builder.Property(m => m.ListingId).ValueGeneratedNever();
        builder.Property(m => m.Reason).HasMaxLength(ModerationRules.MaxReasonLength);
        builder.HasIndex(m => m.CreatorProfileId);
        builder.HasIndex(m => m.FeaturedRank);
        builder.HasOne<Listing>().WithOne().HasForeignKey<ListingModeration>(m => m.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModerationLogEntryConfiguration : IEntityTypeConfiguration<ModerationLogEntry>
{
    public void Configure(EntityTypeBuilder<ModerationLogEntry> builder)
    {
        builder.ToTable("ModerationLog");
        builder.Property(m => m.Target).HasMaxLength(16).IsRequired();
        builder.Property(m => m.Change).HasMaxLength(64).IsRequired();
        builder.Property(m => m.Reason).HasMaxLength(ModerationRules.MaxReasonLength);
        builder.Property(m => m.AdminUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.AdminEmail).HasMaxLength(Accounts.AccountLimits.MaxEmailLength).IsRequired();
        builder.HasIndex(m => m.At);
        builder.HasIndex(m => new { m.Target, m.TargetId });
    }
}
