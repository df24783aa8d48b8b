using Marketplace.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(1000);
        builder.Property(p => p.NameFr).HasMaxLength(100).HasDefaultValue("");
        builder.Property(p => p.DescriptionFr).HasMaxLength(1000).HasDefaultValue("");
        builder.Property(p => p.StripeProductId).HasMaxLength(255);
        builder.ComplexProperty(p => p.Capabilities, c =>
        {
            c.Property(x => x.MaxListings).HasColumnName("MaxListings");
            c.Property(x => x.CommissionRateBps).HasColumnName("CommissionRateBps");
            c.Property(x => x.MaxMembershipTiers).HasColumnName("MaxMembershipTiers");
            c.Ignore(x => x.CommissionPercent);
        });
        builder.HasMany(p => p.Prices).WithOne(p => p.Plan).HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Prices).HasField("_prices").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
