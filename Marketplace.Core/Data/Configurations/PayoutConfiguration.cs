using Marketplace.Core.Payouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> builder)
    {
        builder.Property(p => p.StripePayoutId).HasMaxLength(255).IsRequired();
        builder.HasIndex(p => p.StripePayoutId).IsUnique();
        builder.Property(p => p.StripeAccountId).HasMaxLength(255).IsRequired();
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.FailureCode).HasMaxLength(64);
        builder.Property(p => p.FailureMessage).HasMaxLength(Payout.MaxFailureMessageLength);
        builder.HasIndex(p => new { p.CreatorProfileId, p.Status, p.StripeCreatedAt });
        builder.HasIndex(p => new { p.StripeAccountId, p.Status, p.StripeCreatedAt });
        builder.HasOne(p => p.CreatorProfile).WithMany().HasForeignKey(p => p.CreatorProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}
