using Marketplace.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class PlanPriceConfiguration : IEntityTypeConfiguration<PlanPrice>
{
    public void Configure(EntityTypeBuilder<PlanPrice> builder)
    {
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.StripePriceId).HasMaxLength(255);
        builder.Property(p => p.LookupKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(p => p.StripePriceId);
        builder.HasIndex(p => new { p.PlanId, p.Interval, p.Currency });
    }
}
