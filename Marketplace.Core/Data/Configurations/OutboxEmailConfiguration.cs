using Marketplace.Core.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.ToTable("EmailOutbox");
        builder.Property(e => e.Kind).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Key).HasMaxLength(OutboxEmail.MaxKeyLength).IsRequired();
        builder.HasIndex(e => new { e.Kind, e.Key }).IsUnique(); // at most one email per (kind, Stripe object or order)
        builder.Property(e => e.To).HasMaxLength(256).IsRequired();
        builder.Property(e => e.Culture).HasMaxLength(8).IsRequired();
        builder.Property(e => e.ModelJson).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.Ignore(e => e.Model);
    }
}
