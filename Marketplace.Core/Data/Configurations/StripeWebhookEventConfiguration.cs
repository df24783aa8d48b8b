using Marketplace.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class StripeWebhookEventConfiguration : IEntityTypeConfiguration<StripeWebhookEvent>
{
    public void Configure(EntityTypeBuilder<StripeWebhookEvent> builder)
    {
        builder.Property(e => e.StripeEventId).HasMaxLength(255).IsRequired();
        builder.HasIndex(e => e.StripeEventId).IsUnique();
        builder.Property(e => e.Type).HasMaxLength(100).IsRequired();
        builder.Property(e => e.ConnectedAccountId).HasMaxLength(255);
        builder.Property(e => e.ApiVersion).HasMaxLength(64);
        builder.Property(e => e.LastError).HasMaxLength(4000);
        builder.Property(e => e.HangfireJobId).HasMaxLength(64);
        builder.Property(e => e.ClaimToken).HasMaxLength(64);
        // The claims find their rows by token (WebhookJobClaims); nearly every row has none.
        builder.HasIndex(e => e.ClaimToken);
        builder.Property(e => e.Payload).IsRequired();
        builder.HasIndex(e => new { e.Status, e.ReceivedAt });
        builder.HasIndex(e => e.ReceivedAt);
    }
}
