using Marketplace.Core.Buyers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class UsedOrdersLinkConfiguration : IEntityTypeConfiguration<UsedOrdersLink>
{
    public void Configure(EntityTypeBuilder<UsedOrdersLink> builder)
    {
        builder.HasKey(u => u.Nonce);
        builder.Property(u => u.Nonce).HasMaxLength(32);
        builder.HasIndex(u => u.ExpiresAt);
    }
}
