using Marketplace.Core.Invoices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.Property(p => p.StripeInvoiceId).HasMaxLength(255).IsRequired();
        builder.HasIndex(p => p.StripeInvoiceId).IsUnique();
        builder.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        builder.Property(p => p.HostedInvoiceUrl).HasMaxLength(2048);
        builder.HasIndex(p => new { p.Status, p.PaidAt });
        builder.HasOne(p => p.CreatorProfile).WithMany().HasForeignKey(p => p.CreatorProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.CreatorSubscription).WithMany().HasForeignKey(p => p.CreatorSubscriptionId).OnDelete(DeleteBehavior.SetNull);
    }
}
