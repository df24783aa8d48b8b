using Marketplace.Core.Creators;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class CreatorProfileConfiguration : IEntityTypeConfiguration<CreatorProfile>
{
    public void Configure(EntityTypeBuilder<CreatorProfile> builder)
    {
        builder.Property(c => c.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(64).IsRequired();
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Bio).HasMaxLength(Shops.ShopRules.MaxBioLength);
        builder.Property(c => c.WebsiteUrl).HasMaxLength(Shops.ShopRules.MaxUrlLength);
        builder.PrimitiveCollection(c => c.SocialLinks);
        builder.Property(c => c.ContactEmail).HasMaxLength(Shops.ShopRules.MaxEmailLength);
        builder.Property(c => c.RefundPolicy).HasMaxLength(Shops.ShopRules.MaxRefundPolicyLength);
        builder.ComplexProperty(c => c.Avatar, Picture);
        builder.ComplexProperty(c => c.Banner, Picture);
        builder.HasIndex(c => c.UserId).IsUnique();
        builder.HasOne<IdentityUser>().WithOne().HasForeignKey<CreatorProfile>(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.StripeAccount).WithOne(a => a.CreatorProfile)
            .HasForeignKey<Connect.CreatorStripeAccount>(a => a.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Subscription).WithOne(s => s.CreatorProfile)
            .HasForeignKey<Subscriptions.CreatorSubscription>(s => s.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void Picture(ComplexPropertyBuilder<Shops.ShopPicture> picture)
    {
        picture.Property(i => i.ThumbnailKey).HasMaxLength(Shops.ShopPicture.KeyLength);
        picture.Property(i => i.CardKey).HasMaxLength(Shops.ShopPicture.KeyLength);
        picture.Property(i => i.FullKey).HasMaxLength(Shops.ShopPicture.KeyLength);
        picture.Property(i => i.Alt).HasMaxLength(Shops.ShopPicture.MaxAltLength);
    }
}
