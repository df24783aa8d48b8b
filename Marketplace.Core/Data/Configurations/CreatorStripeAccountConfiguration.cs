using Marketplace.Core.Connect;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class CreatorStripeAccountConfiguration : IEntityTypeConfiguration<CreatorStripeAccount>
{
    public void Configure(EntityTypeBuilder<CreatorStripeAccount> builder)
    {
        builder.Property(a => a.StripeAccountId).HasMaxLength(255).IsRequired();
        builder.HasIndex(a => a.StripeAccountId).IsUnique();
        builder.HasIndex(a => a.CreatorProfileId).IsUnique();
        builder.Property(a => a.DisabledReason).HasMaxLength(100);
        builder.PrimitiveCollection(a => a.RequirementsCurrentlyDue);
        builder.PrimitiveCollection(a => a.RequirementsPastDue);
        builder.Property(a => a.TransfersCapability).HasMaxLength(32);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.Property(a => a.DefaultCurrency).HasMaxLength(3);
        builder.Property(a => a.PayoutsPausedReason).HasMaxLength(CreatorStripeAccount.MaxPauseReasonLength);
        builder.Ignore(a => a.PayoutsHeld);
        builder.Property(a => a.OwnPayoutInterval).HasMaxLength(16);
        builder.Property(a => a.OwnPayoutWeeklyAnchor).HasMaxLength(16);
        builder.Ignore(a => a.OwnPayoutSchedule);
    }
}
