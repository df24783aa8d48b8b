using Marketplace.Core.Creators;
using Marketplace.Core.Memberships;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.MemberUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.StripeSubscriptionId).HasMaxLength(255);
        builder.Property(m => m.StripeCustomerId).HasMaxLength(255);
        builder.Property(m => m.Status).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(m => new { m.MemberUserId, m.CreatorProfileId }).IsUnique();
        builder.HasIndex(m => m.StripeSubscriptionId).IsUnique();
        builder.HasIndex(m => new { m.CreatorProfileId, m.Status });
        builder.HasOne(m => m.Tier).WithMany().HasForeignKey(m => m.MembershipTierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CreatorProfile>().WithMany().HasForeignKey(m => m.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipPaymentConfiguration : IEntityTypeConfiguration<MembershipPayment>
{
    public void Configure(EntityTypeBuilder<MembershipPayment> builder)
    {
        builder.Property(p => p.StripeInvoiceId).HasMaxLength(255).IsRequired();
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Ignore(p => p.NetMinor);
        builder.HasIndex(p => p.StripeInvoiceId).IsUnique();
        builder.HasIndex(p => new { p.CreatorProfileId, p.PaidAt });
        builder.HasOne<Membership>().WithMany().HasForeignKey(p => p.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
