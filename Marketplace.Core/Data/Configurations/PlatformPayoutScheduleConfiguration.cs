using Marketplace.Core.Connect;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class PlatformPayoutScheduleConfiguration : IEntityTypeConfiguration<PlatformPayoutSchedule>
{
    public void Configure(EntityTypeBuilder<PlatformPayoutSchedule> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Interval).HasMaxLength(16).IsRequired();
        builder.Property(s => s.WeeklyAnchor).HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Schedule);
    }
}
