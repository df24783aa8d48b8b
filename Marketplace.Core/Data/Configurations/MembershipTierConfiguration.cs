using Marketplace.Core.Creators;
using Marketplace.Core.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class MembershipTierConfiguration : IEntityTypeConfiguration<MembershipTier>
{
    public void Configure(EntityTypeBuilder<MembershipTier> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(MembershipTier.MaxNameLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(MembershipTier.MaxDescriptionLength);
        builder.Property(t => t.Benefits).HasMaxLength(MembershipTier.MaxBenefitsLength);
        builder.Property(t => t.Currency).HasMaxLength(3).IsRequired();
        builder.Property(t => t.StripeProductId).HasMaxLength(255);
        builder.Property(t => t.StripePriceId).HasMaxLength(255);
        builder.Ignore(t => t.LookupKey);
        builder.Ignore(t => t.IsOffered);
        builder.HasOne<CreatorProfile>().WithMany().HasForeignKey(t => t.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.CreatorProfileId, t.IsArchived });
    }
}
