using Marketplace.Core.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class CreatorSubscriptionConfiguration : IEntityTypeConfiguration<CreatorSubscription>
{
    public void Configure(EntityTypeBuilder<CreatorSubscription> builder)
    {
        builder.HasIndex(s => s.CreatorProfileId).IsUnique();
        builder.Property(s => s.StripeCustomerId).HasMaxLength(255);
        builder.Property(s => s.StripeSubscriptionId).HasMaxLength(255);
        builder.HasIndex(s => s.StripeSubscriptionId).IsUnique();
        builder.HasIndex(s => s.StripeCustomerId);
        builder.HasIndex(s => s.Status);
        builder.HasOne(s => s.Plan).WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.PlanPrice).WithMany().HasForeignKey(s => s.PlanPriceId).OnDelete(DeleteBehavior.Restrict);
    }
}
